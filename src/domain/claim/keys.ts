/** The UI's hint beside a range `flagNonEnglish` found (the catalogue test lists every claim key). */
export const NON_ENGLISH_HINT_KEY = 'claim_non_english_hint';
