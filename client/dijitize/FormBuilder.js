define(["./forms"], function(forms){
	// summary:
	//		The old name of the form function (`{ module: "dijitize/FormBuilder", fn: "build" }`); use
	//		`dijitize/forms`. Kept so that apps set up with the old name still work.
	return forms;
});
