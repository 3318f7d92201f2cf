/** LIKE/ILIKE patterns with the user's text taken literally (%, _ and \ escaped). */
const escapeLike = (text: string) => text.replace(/[%_\\]/g, '\\$&');

export const containsPattern = (text: string) => `%${escapeLike(text)}%`;
export const prefixPattern = (text: string) => `${escapeLike(text)}%`;
