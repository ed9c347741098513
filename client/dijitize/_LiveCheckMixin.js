define([
	"dojo/_base/config", // config.dijitizeEndpoints
	"dojo/_base/declare",
	"dojo/dom", // dom.byId
	"dojo/dom-class", // domClass.toggle
	"dojo/dom-construct", // domConstruct.create, empty
	"dojo/on"
], function(config, declare, dom, domClass, domConstruct, on){
	// How long typing pauses before the server is asked; how long an answer may take before it is let go.
	var PAUSE = 400, TIMEOUT = 8000;

	return declare(null, {
		// summary:
		//		Mixin for a text box whose field has a check only the server can make (is this name free):
		//		once the widget's own validation passes, the server is asked when the user pauses typing
		//		and when they leave the field, through dojo()'s check endpoint, with the form's values.
		//		While it answers the box says it is busy; its message then shows as the widget's own
		//		error. An answer to an older text is dropped; a failed or slow check shows nothing and
		//		never stops the form (the server decides when it is sent). A field that warns (`warn`)
		//		shows the server's warning in its own place, a polite live region, with a "Send it
		//		anyway" box that the form posts: ticked, the warning is not asked again at submit.

		// dijitizeSensitive: String[]
		//		The form's fields whose values a check never posts (passwords, `sensitive: true`): set by
		//		dijitize/forms from the spec.
		dijitizeSensitive: [],

		// dijitizeWarn: Object?
		//		For a field that warns: the id of its warning's place, its box's posted name, and the words
		//		it is shown with.
		dijitizeWarn: null,

		postCreate: function(){
			this.inherited(arguments);
			this._verdicts = {}; // the server's message (HTML, escaped by the server) by value (_key); "" when fine
			this._warnings = {}; // the server's warning ({ html, token }) by value; null when none
			this._asked = 0;
			var widget = this, timer = null;
			this.own(
				on(this.textbox, "input", function(){
					clearTimeout(timer);
					timer = setTimeout(function(){ widget._askServer(); }, PAUSE);
				}),
				this.watch("focused", function(name, was, focused){
					if(!focused){
						clearTimeout(timer);
						widget._askServer();
					}
				}),
				{ remove: function(){ clearTimeout(timer); } }
			);
		},

		_key: function(){
			// summary:
			//		What the server's answers are kept by: the widget's value, not the text shown, which a
			//		number box formats when it is left ("5000" becomes "5,000") while the answer is on its way.
			var value = this.get("value");
			return value instanceof Date ? "d" + value.getTime() : "v" + String(value);
		},

		_verdict: function(){
			var key = this._key();
			return Object.prototype.hasOwnProperty.call(this._verdicts, key) ? this._verdicts[key] : "";
		},

		isValid: function(){
			return (this._ownOnly || !this._verdict()) && this.inherited(arguments);
		},

		getErrorMessage: function(){
			return this._verdict() || this.inherited(arguments);
		},

		_ownValidity: function(){
			// summary:
			//		Whether the widget's own checks pass, whatever the server said.
			this._ownOnly = true;
			try{ return this.isValid(); }finally{ this._ownOnly = false; }
		},

		_showVerdict: function(){
			// summary:
			//		Shows the server's answer for the text now in the box. Dijit keeps a focused box's error
			//		to itself while the text could still become valid ("Incomplete"), so a message from the
			//		server is shown as if the box had been left: at once, while the user is still in it.
			//		The error text is a live region: it is announced once, when the answer comes.
			this.validate(this._verdict() ? false : this.focused);
			var key = this._key();
			this._showWarning(Object.prototype.hasOwnProperty.call(this._warnings, key) ? this._warnings[key] : null);
		},

		_showWarning: function(/*Object?*/ warning){
			// summary:
			//		Puts the warning for the text now in the box in its place (or empties it), with its box.
			//		The same warning already shown keeps its box as the user ticked it.
			var words = this.dijitizeWarn, place = words && dom.byId(words.text);
			if(!place){ return; }
			var shown = place.querySelector("input[type=checkbox]");
			if(warning && shown && shown.value === warning.token){ return; }
			domConstruct.empty(place);
			if(!warning){ return; }
			var text = domConstruct.create("span", { "class": "dijitize-warning-text" }, place);
			domConstruct.create("span", { "class": "dijitize-warning-icon", "aria-hidden": "true", textContent: "\u26a0" }, text);
			text.appendChild(document.createTextNode(" "));
			domConstruct.create("strong", { textContent: words.warning }, text);
			// The server escaped the message for HTML, as it does every message it sends a widget.
			domConstruct.create("span", { innerHTML: " " + warning.html }, text);
			place.appendChild(document.createTextNode(" "));
			var anyway = domConstruct.create("span", { "class": "dijitize-send-anyway" }, place);
			domConstruct.create("input", { type: "checkbox", id: words.text + "-anyway", name: words.name, value: warning.token }, anyway);
			anyway.appendChild(document.createTextNode(" "));
			domConstruct.create("label", { "for": words.text + "-anyway", textContent: words.sendAnyway }, anyway);
			var described = (this.focusNode.getAttribute("aria-describedby") || "").split(" ").filter(Boolean);
			if(described.indexOf(words.text) < 0){
				described.push(words.text);
				this.focusNode.setAttribute("aria-describedby", described.join(" "));
			}
		},

		_busy: function(/*Boolean*/ busy){
			domClass.toggle(this.domNode, "dijitizeChecking", busy);
			this.focusNode.setAttribute("aria-busy", busy ? "true" : "false");
		},

		_askServer: function(){
			var text = this.textbox.value, key,
				endpoints = config.dijitizeEndpoints,
				formNode = this.focusNode.form;
			if(!endpoints || !formNode){ return; }
			if(text === "" || !this._ownValidity()){
				this._showWarning(null); // a warning is about a value that passed: none for this one
				return;
			}
			key = this._key();
			if(Object.prototype.hasOwnProperty.call(this._verdicts, key)){
				this._showVerdict();
				return;
			}
			var asked = ++this._asked, widget = this, data = new URLSearchParams(), skip = this.dijitizeSensitive;
			new FormData(formNode).forEach(function(value, name){
				// The CSRF token and the form's name among them; no file, and no password or sensitive field.
				if(typeof value == "string" && (name === widget.name || skip.indexOf(name) < 0)){ data.append(name, value); }
			});
			data.append(endpoints.names.field, this.name);
			var xhr = new XMLHttpRequest();
			xhr.timeout = TIMEOUT;
			xhr.onloadend = function(){
				if(asked !== widget._asked || widget._destroyed){ return; } // a newer question is on its way
				widget._busy(false);
				var answer = null;
				try{ answer = JSON.parse(xhr.responseText); }catch(e){ /* no verdict */ }
				if(xhr.status == 200 && answer){
					widget._verdicts[key] = answer.html || "";
					widget._warnings[key] = answer.warning || null;
					if(widget._key() === key){ widget._showVerdict(); }
				}
			};
			this._busy(true);
			xhr.open("POST", endpoints.check);
			xhr.setRequestHeader("Content-Type", "application/x-www-form-urlencoded");
			xhr.setRequestHeader("Accept", "application/json");
			xhr.send(data.toString());
		}
	});
});
