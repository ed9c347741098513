define([
	"dojo/_base/declare", // declare
	"dojo/_base/lang", // lang.hitch
	"dojo/on",
	"dijit/_WidgetBase",
	"dijit/form/_FormMixin"
], function(declare, lang, on, _WidgetBase, _FormMixin){
	// summary:
	//		The form controller dijitize starts each form with: dijit/form/Form's behaviour (validate,
	//		isValid, state, get/set value, onSubmit and onReset that can stop the event, submit(), reset())
	//		without its two costs that grow with the page. dijit/form/Form is templated, so it moves every
	//		field of the form into its own <form> (_fillContent), and it is a _ContentPaneResizeMixin, so its
	//		startup measures itself (getMarginExtents: a forced layout of the whole page). The server's
	//		<form> is already the form: here it is the widget's node and its container, as it stands.

	return declare("dijitize.Form", [_WidgetBase, _FormMixin], {
		// action, method, encType: set on the <form> by the server already; kept as the widget's too.
		action: "",
		method: "",
		encType: "",

		buildRendering: function(){
			this.inherited(arguments); // domNode: the server's <form> (srcNodeRef), kept where it is
			this.containerNode = this.domNode;
		},

		postCreate: function(){
			this.inherited(arguments);
			this.own(
				on(this.domNode, "submit", lang.hitch(this, "_onSubmit")),
				on(this.domNode, "reset", lang.hitch(this, "_onReset"))
			);
		},

		_setEncTypeAttr: function(/*String*/ value){
			if(value){ this.domNode.setAttribute("enctype", value); }
			this._set("encType", value);
		},

		onSubmit: function(/*Event?*/ /*===== e =====*/){
			// summary:
			//		Callback when the user submits the form; return exactly false to stop it. Default: isValid().
			return this.isValid(); // Boolean
		},

		_onSubmit: function(/*Event*/ e){
			if(this.onSubmit(e) === false){ // only exactly false stops submit
				e.stopPropagation();
				e.preventDefault();
			}
		},

		submit: function(){
			// summary:
			//		Submits the form as a user's submit would, unless onSubmit() says no.
			if(!(this.onSubmit() === false)){
				this.containerNode.submit();
			}
		},

		onReset: function(/*Event?*/ /*===== e =====*/){
			// summary:
			//		Callback when the user resets the form; return exactly false to stop it.
			return true; // Boolean
		},

		_onReset: function(/*Event*/ e){
			e.stopPropagation();
			e.preventDefault();
			if(!(this.onReset(e) === false)){
				this.reset();
			}
		}
	});
});
