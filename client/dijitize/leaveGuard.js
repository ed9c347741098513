define([
	"dojo/on"
], function(on){
	// summary:
	//		Asks before the page is left while its form holds changes not sent (the form's `leaveGuard`
	//		option, on by default): typed text, a choice, a row added or removed, a file chosen. The
	//		question is the browser's own (`beforeunload`): its words, in the browser's language. Never
	//		asked for a form unchanged since it was made (a draft restored counts as its start), nor
	//		once it was sent.

	function posted(/*DOMNode*/ node){
		// summary:
		//		What the form would post now, as one text: each name with its value (a file by its name
		//		and size), in order, so that a row added or a file chosen changes it too.
		var parts = [];
		new FormData(node).forEach(function(value, name){
			parts.push([name, typeof value == "string" ? value : value.name + "\u0000" + value.size]);
		});
		return JSON.stringify(parts);
	}

	return {
		watch: function(/*dijit/form/Form*/ form, /*Object*/ spec){
			// summary:
			//		Takes the form as it is now as its start, and asks on leaving when it is no longer so.
			if(!spec.leaveGuard){ return; }
			var node = form.domNode, start = posted(node), touched = false;
			var touch = function(){ touched = true; };
			form.own(
				// Only what the user did can make a change: widgets that settle by themselves never ask.
				on(node, "input", touch), on(node, "change", touch), on(node, "click", touch),
				on(window, "beforeunload", function(e){
					// Sent (formSupport's submit guard says so): leaving the page is what sending it does.
					if(form._dijitizeSent || !touched || posted(node) === start){ return; }
					e.preventDefault();
					e.returnValue = ""; // what older engines need to ask
				})
			);
		}
	};
});
