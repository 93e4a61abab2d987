// Decap CMS starts itself when it loads unless told not to: cms.js registers the formats and the
// preview first, then starts it.
window.CMS_MANUAL_INIT = true;
