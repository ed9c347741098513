define([
	"dojo/dom", // dom.byId
	"dojo/dom-construct", // domConstruct.create
	"dojo/on"
], function(dom, domConstruct, on){
	// summary:
	//		A form's draft in the browser (the form's `draft` option): what the user types is kept in
	//		localStorage, for this form at this URL, until it expires; if the page is closed before the
	//		form is sent, the next visit fills it in again, with a notice and a button that discards it.
	//		Never kept: passwords, files, fields marked sensitive, dijitize's own hidden fields. A form
	//		that is sent forgets its draft (a refused form comes back with what was typed anyway).
	//		A draft keeps the fingerprint of the form's definition it was typed in. Restored into a form
	//		that has changed since (a deploy), it says so, and the form is sent as from that definition:
	//		the draft's values the form no longer has a control for go with it, hidden, so that the
	//		server's `migrate` maps them and marks the fields added since as new. Never applied blindly.

	var PREFIX = "dijitize-draft:", DAY = 24 * 3600 * 1000, SAVE_DELAY = 400;

	// Drafts no longer kept on this page, by key: discarded (the page reloads, and must not keep it again).
	var dropped = {};

	function storage(){
		try{ return window.localStorage; }catch(e){ return null; } // blocked by the browser's settings
	}

	function keyOf(/*Object*/ spec){
		return PREFIX + spec.form + ":" + location.pathname;
	}

	function skipped(/*Object*/ spec){
		// summary:
		//		Whether a posted name is never kept: dijitize's own (_csrf, _submission...), or one of the
		//		form's sensitive fields (a row's field by its name with any row number).
		var quote = function(text){ return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"); };
		var patterns = spec.draft.skip.map(function(name){
			return new RegExp("^" + quote(name).split(quote(spec.draft.marker)).join("\\d+") + "$");
		});
		return function(/*String*/ name){
			return !name || name.charAt(0) == "_" || patterns.some(function(p){ return p.test(name); });
		};
	}

	function read(/*Object*/ spec){
		var store = storage(), text = store && store.getItem(keyOf(spec));
		if(!text){ return null; }
		try{
			var draft = JSON.parse(text);
			if(draft && draft.expires > Date.now() && draft.values instanceof Array){ return draft; }
		}catch(e){ /* not ours, or damaged: dropped below */ }
		store.removeItem(keyOf(spec));
		return null;
	}

	function fingerprintOf(/*DOMNode*/ node){
		// summary:
		//		The form's `_fingerprint` control: the definition its values are of.
		return node.querySelector("input[name=_fingerprint]");
	}

	function fill(/*DOMNode*/ control, /*String[]*/ values){
		// summary:
		//		Puts a draft's values into a plain control, before its widget exists: the widget then
		//		takes them as typed (formSupport's keepTypedValue).
		switch(control.type){
		case "checkbox":
		case "radio":
			control.checked = values.indexOf(control.value) >= 0;
			return;
		case "select-multiple":
			for(var i = 0; i < control.options.length; i++){
				control.options[i].selected = values.indexOf(control.options[i].value) >= 0;
			}
			return;
		case "time":
			// A TimeTextBox posts THH:mm:ss; the control takes HH:mm(:ss).
			control.value = (values[0] || "").replace(/^T/, "");
			return;
		default:
			control.value = values[0] === undefined ? "" : values[0];
		}
	}

	return {
		restore: function(/*Object*/ spec){
			// summary:
			//		Fills the plain form in from its draft, if it has one, and says so: before the form's
			//		widgets are made. A form the server shows again with errors is fresher than a draft.
			var node = dom.byId(spec.form);
			if(!spec.draft || !node || node.querySelector(".dijitize-error-summary")){ return; }
			var draft = read(spec);
			if(!draft){ return; }
			var skip = skipped(spec), byName = {};
			draft.values.forEach(function(pair){
				if(skip(pair[0])){ return; }
				(byName[pair[0]] = byName[pair[0]] || []).push(pair[1]);
			});
			var controls = node.querySelectorAll("input[name], select[name], textarea[name]"), has = {};
			for(var i = 0; i < controls.length; i++){
				var control = controls[i];
				has[control.name] = true;
				if(control.type == "file" || control.type == "password" || control.type == "hidden" || skip(control.name) || !(control.name in byName)){ continue; }
				fill(control, byName[control.name]);
			}
			var current = fingerprintOf(node),
				changed = !!(draft.fingerprint && current && draft.fingerprint != current.value);
			if(changed){
				// Sent as from the draft's definition, with what it had that this one has no control for.
				current.value = draft.fingerprint;
				for(var name in byName){
					if(has[name]){ continue; }
					byName[name].forEach(function(value){
						domConstruct.create("input", { type: "hidden", name: name, value: value, "class": "dijitize-draft-carried" }, node);
					});
				}
			}
			var notice = domConstruct.create("div", { "class": "dijitize-draft", role: "status" }, node, "first");
			// The words of the form's language (the spec's), the time as the page's language writes it; a space before the button.
			var lang = document.documentElement.lang || "en",
				texts = spec.draft.texts;
			domConstruct.create("span", { textContent: (changed ? texts.changed : texts.restored).replace("{time}", new Date(draft.saved).toLocaleString(lang)) }, notice);
			notice.appendChild(document.createTextNode(" "));
			var discard = domConstruct.create("button", { type: "button", textContent: texts.discard }, notice);
			on(discard, "click", function(){
				dropped[keyOf(spec)] = true;
				storage().removeItem(keyOf(spec));
				location.reload(); // the form as the server wrote it
			});
		},

		keep: function(/*dijit/form/Form*/ form, /*Object*/ spec){
			// summary:
			//		Keeps what the form would post, a moment after each change, and when the page goes.
			if(!spec.draft || !storage()){ return; }
			var skip = skipped(spec), timer = null;
			var save = function(){
				clearTimeout(timer);
				if(form._dijitizeSent || dropped[keyOf(spec)]){ return; }
				var values = [], definition = fingerprintOf(form.domNode);
				new FormData(form.domNode).forEach(function(value, name){
					if(typeof value == "string" && !skip(name)){ values.push([name, value]); }
				});
				try{
					storage().setItem(keyOf(spec), JSON.stringify({ saved: Date.now(), expires: Date.now() + spec.draft.days * DAY, fingerprint: definition ? definition.value : "", values: values }));
				}catch(e){ /* full, or refused: the form works as without a draft */ }
			};
			var later = function(){ clearTimeout(timer); timer = setTimeout(save, SAVE_DELAY); };
			form.own(on(form.domNode, "input", later), on(form.domNode, "change", later), on(window, "pagehide", save));
		},

		sent: function(/*dijit/form/Form*/ form, /*Object*/ spec){
			// summary:
			//		The form is on its way: its draft is no longer needed, and none is kept after.
			if(!spec.draft || !storage()){ return; }
			storage().removeItem(keyOf(spec));
		}
	};
});
