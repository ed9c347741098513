define([
	"dojo/dom-attr", // domAttr.set
	"dojo/dom-class", // domClass.add
	"dojo/store/Memory"
], function(domAttr, domClass, Memory){
	// summary:
	//		What both ways of starting a form share: showing the server's error inside a widget, and
	//		blocking the submission of an invalid form.

	return {
		showServerError: function(/*dijit/_WidgetBase*/ widget, /*String*/ message){
			// summary:
			//		Puts the widget in its Error state with the server's message (HTML, already escaped),
			//		until the user changes the value; then the widget's own validation takes over.
			if(typeof widget.validate == "function" && typeof widget.validator == "function" && widget.textbox){
				var sentText = widget.textbox.value,
					validator = widget.validator,
					getErrorMessage = widget.getErrorMessage,
					unchanged = function(){ return widget.textbox.value === sentText; };
				widget.validator = function(){
					return unchanged() ? false : validator.apply(this, arguments);
				};
				widget.getErrorMessage = function(){
					return unchanged() ? message : getErrorMessage.apply(this, arguments);
				};
				widget._hasBeenBlurred = true;
				widget.validate(false);
			}else{
				// CheckBox, MultiSelect, Select...: no Error state of their own; mark them for CSS and AT.
				domAttr.set(widget.focusNode || widget.domNode, "aria-invalid", "true");
				domClass.add(widget.domNode, "dijitize-invalid");
			}
			return widget;
		},

		withChoices: function(/*Object*/ props, /*Array*/ choices){
			// summary:
			//		Gives a ComboBox or FilteringSelect its choices ([value, label] pairs from the server) as
			//		the store it would otherwise build from its <option>s: the same items, without reading
			//		each option's innerText, which forces a layout of the whole page per widget.
			var data = [];
			for(var i = 0; i < choices.length; i++){
				data.push({ id: choices[i][0], value: choices[i][0], name: choices[i][1] });
			}
			props.store = new Memory({ data: data });
			return props;
		},

		guardSubmit: function(/*dijit/form/Form*/ form){
			// summary:
			//		An invalid form does not submit: each bad field shows its state, and the first one
			//		gets the focus, which shows its message.
			form.onSubmit = function(){
				return this.validate();
			};
			return form;
		}
	};
});
