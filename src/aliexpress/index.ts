/** The AliExpress reader: every AliExpress-specific fact, and what turns its pages into observations. */
export { classifyUrl, CONTENT_MATCHES, CAPTURE_MATCHES, LOGIN_HOSTS, orderDetailUrl, trackingUrl } from './pages';
export type { PageInfo, PageKind } from './pages';
export { API, API_PREFIXES, MAX_BODY_CHARS, apiKind, apiOfUrl, isApiOfInterest, jsonpCallbackOfUrl, unwrapBody } from './apis';
export type { ApiKind } from './apis';
export { parseCaptureMessage, CAPTURE_SOURCE } from './capture-protocol';
export type { CaptureMessage } from './capture-protocol';
export { readApiPayload } from './read';
export type { ReadContext, ReadProblem, ReadResult } from './read';
export { parseCalendarDate, epochToInstant } from './dates';
export { parseMoneyText, parseFormatPriceInfo, currencyOfPage } from './money';
export { statusFromText } from './read/common';
export { BUTTON, TRACKING } from './codes';
export { stripHtml, cleanText } from './text';
export { readDom, findConfirmButtons, findOrderCards, detectPageProblem } from './dom';
export { readEmbeddedData } from './embedded';
export type { OrderCardRef, PageProblem } from './dom';
export { SELECTORS } from './selectors';
