define([
	"dojo/_base/declare"
], function(declare){
	return declare(null, {
		// summary:
		//		Mixin for a text box (ValidationTextBox and the boxes built on it) that shows the server's
		//		message about the value it was sent as the widget's own error, until the user changes that
		//		value; then the widget's own validation takes over. Dijit's way to change how a widget
		//		validates: override isValid() and getErrorMessage(), and call this.inherited().

		// serverError: String
		//		The server's message: HTML, escaped by the server.
		serverError: "",

		postCreate: function(){
			this.inherited(arguments);
			this._sentText = this.textbox.value;
			// The server has judged this value already: show the verdict as Dijit shows that of a field
			// the user has left (an empty required field would otherwise be only "Incomplete").
			this._hasBeenBlurred = true;
		},

		_unchanged: function(){
			return this.textbox.value === this._sentText;
		},

		isValid: function(){
			return !this._unchanged() && this.inherited(arguments);
		},

		getErrorMessage: function(){
			return this._unchanged() ? this.serverError : this.inherited(arguments);
		}
	});
});
