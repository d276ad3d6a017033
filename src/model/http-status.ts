// What a status code means for "does the site answer".

/** The site answered normally: 2xx, or a 3xx redirect to its content. */
export const isOkStatus = (status: number | undefined): boolean => status !== undefined && status >= 200 && status < 400;
