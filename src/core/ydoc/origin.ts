/**
 * The transaction origin of edits made by the person using this device. Undo tracks only this
 * origin, so changes that arrive from other devices or tabs are never undone by mistake.
 */
export const LOCAL_EDIT = Object.freeze({ pathbook: 'local-edit' });

/** Origin of writes that only load or repair data (never undone, never counted as someone's edit). */
export const SYSTEM_WRITE = Object.freeze({ pathbook: 'system' });
