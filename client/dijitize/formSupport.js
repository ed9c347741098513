define([
	"dojo/_base/declare",
	"dojo/_base/lang", // lang.mixin
	"dojo/dom", // dom.byId
	"dojo/dom-attr", // domAttr.set
	"dojo/dom-class", // domClass.add
	"dojo/on",
	"dojo/store/Memory",
	"dijit/registry", // registry.byId
	"./_ServerErrorMixin",
	"./_StepMixin",
	"./_LiveCheckMixin"
], function(declare, lang, dom, domAttr, domClass, on, Memory, registry, _ServerErrorMixin, _StepMixin, _LiveCheckMixin){
	// summary:
	//		Creating a form's widgets (Dijit's ARIA gaps filled, the server's errors shown inside them),
	//		and blocking the submission of an invalid form. dijitize/forms drives it.

	function describe(/*DOMNode*/ node, /*String*/ ids){
		// summary:
		//		Sets aria-describedby to `ids` (space-separated), or removes it when there are none.
		if(ids){
			node.setAttribute("aria-describedby", ids);
		}else{
			node.removeAttribute("aria-describedby");
		}
	}

	function fillAriaGaps(/*dijit/_WidgetBase*/ widget, /*String?*/ noChoice){
		// summary:
		//		What Dijit 1.17's templates lack for assistive technology, filled in after creation:
		//		- a combobox (DropDownBox) has no aria-expanded until its popup first opens;
		//		- a slider with no value yet has an empty aria-valuenow: it shows its minimum, so it says so;
		//		- a Select showing its blank choice shows an option with no name (Dijit rewrites that
		//		  option on each change, so it is named again after each one);
		//		- the validation icon and arrow buttons are <input role="presentation">: form controls
		//		  without a label, in a role they may not have. They are decoration (the message is text
		//		  elsewhere, the keys work on the field): hidden from AT.
		var root = widget.domNode;
		if(root.getAttribute("role") == "combobox" && !root.hasAttribute("aria-expanded")){
			root.setAttribute("aria-expanded", "false");
		}
		var slider = root.querySelector("[role=slider]");
		if(slider && !slider.getAttribute("aria-valuenow")){
			slider.setAttribute("aria-valuenow", slider.getAttribute("aria-valuemin") || widget.minimum || 0);
		}
		if(noChoice && widget.containerNode && root.getAttribute("role") == "listbox" && typeof MutationObserver != "undefined"){
			var nameBlankOption = function(){
				var shown = widget.containerNode.querySelector("[role=option]");
				if(shown && !shown.textContent.replace(/\s/g, "")){
					shown.setAttribute("aria-label", noChoice);
				}
			};
			nameBlankOption();
			new MutationObserver(nameBlankOption).observe(widget.containerNode, { childList: true });
		}
		var icons = root.querySelectorAll("input.dijitValidationIcon, input.dijitSpinnerButtonInner, .dijitArrowButton input");
		for(var i = 0; i < icons.length; i++){
			icons[i].removeAttribute("role");
			icons[i].setAttribute("aria-hidden", "true");
			icons[i].disabled = true; // never focused, never posted, and not a control AT must label
		}
	}

	function keepDescriptions(/*dijit/_WidgetBase*/ widget, /*String*/ describedBy, /*String*/ errorId){
		// summary:
		//		The plain control's aria-describedby (help text, the server's error) moves to the element
		//		that has focus once the widget exists. The error text then follows the widget's state: it
		//		says the widget's own message while the value is wrong, and is cleared, and no longer
		//		described by, once the value is right.
		var focus = widget.focusNode || widget.domNode;
		describe(focus, describedBy);
		var error = errorId && dom.byId(errorId);
		if(!error || typeof widget.watch != "function"){
			return;
		}
		var others = (describedBy || "").split(" ").filter(function(id){ return id && id != errorId; }).join(" ");
		widget.watch("state", function(name, was, state){
			if(state == "Error"){
				describe(focus, others ? others + " " + errorId : errorId);
			}else if(state == ""){
				error.innerHTML = "";
				describe(focus, others);
			}
		});
		// Dijit sets the message after the state: the error text takes it once it is an error's.
		widget.watch("message", function(name, was, message){
			if(widget.state == "Error" && message){
				error.innerHTML = message; // Dijit's message is HTML: its own nls text, or ours, escaped by the server
			}
		});
	}

	// The mixins a widget of the spec may need, by the name formSupport.create gives them.
	var MIXINS = { step: _StepMixin, serverError: _ServerErrorMixin, liveCheck: _LiveCheckMixin };

	// The classes made by withMixins, by widget module and mixins: one declare() per pair, made once.
	var mixedClasses = {};

	function withMixins(/*Function*/ Widget, /*String*/ module, /*String[]*/ names){
		// summary:
		//		Widget with the named MIXINS mixed in. Its declaredClass says both
		//		("dijit.form.NumberSpinner+step"): declare() tells classes apart by declaredClass, so the
		//		mixed class must not take the widget's own.
		if(!names.length){
			return Widget;
		}
		var key = module + "+" + names.join("+");
		if(!Object.prototype.hasOwnProperty.call(mixedClasses, key)){
			// No class name argument: declare() would also set a global.
			mixedClasses[key] = declare([Widget].concat(names.map(function(name){ return MIXINS[name]; })), {
				declaredClass: Widget.prototype.declaredClass + "+" + names.join("+")
			});
		}
		return mixedClasses[key];
	}

	function defaultChoice(/*DOMNode*/ select){
		// summary:
		//		The value a <select> showed as the server wrote it.
		for(var i = 0; i < select.options.length; i++){
			if(select.options[i].defaultSelected){ return select.options[i].value; }
		}
		return select.options.length ? select.options[0].value : "";
	}

	function keepTypedValue(/*DOMNode*/ node, /*Object*/ props){
		// summary:
		//		What the user, or the browser (autofill, a password manager, a restored tab), put into the
		//		plain control before its widget existed becomes the widget's value, in place of the one
		//		the server wrote: nothing typed is lost when the widget takes the control's place. The
		//		control's type says how its text reads as the widget's value.
		if(!node || !/^(INPUT|SELECT|TEXTAREA)$/.test(node.tagName)){ return; }
		switch(node.type){
		case "checkbox":
		case "radio":
			if(node.checked !== node.defaultChecked){ props.checked = node.checked; }
			return;
		case "select-multiple":
			var changed = false, chosen = [];
			for(var i = 0; i < node.options.length; i++){
				var option = node.options[i];
				changed = changed || option.selected !== option.defaultSelected;
				if(option.selected){ chosen.push(option.value); }
			}
			if(changed){ props.value = chosen; }
			return;
		case "select-one":
			if(node.value !== defaultChoice(node)){
				delete props.displayedValue;
				props.value = node.value;
			}
			return;
		}
		// A text box or area: the server sends its text once, in the control, not in the spec.
		var textual = node.tagName == "TEXTAREA" || !/^(number|range|date|time)$/.test(node.type);
		if(textual && !("value" in props) && !("displayedValue" in props)){
			props.value = node.value;
			return;
		}
		// Untouched: the value the browser made of the server's text (a number, date or time box drops
		// text it cannot hold, which the widget then shows from the spec). A number box holding typed text
		// that is not a number reads as "", as the browser would post it.
		var written = document.createElement("input");
		written.type = node.type;
		written.value = node.defaultValue;
		if(node.value === written.value && !(node.validity && node.validity.badInput)){ return; }
		var text = node.value;
		delete props.displayedValue;
		switch(node.type){
		case "number":
		case "range":
			props.value = text === "" ? NaN : Number(text);
			break;
		case "date":
			props.value = text || null; // ISO yyyy-mm-dd, which DateTextBox reads
			break;
		case "time":
			props.value = text ? "T" + (text.length == 5 ? text + ":00" : text) : null; // TimeTextBox: THH:mm:ss
			break;
		default:
			props.value = text;
		}
	}

	function choicesStore(/*Array*/ choices){
		// summary:
		//		A ComboBox's or FilteringSelect's choices ([value, label] pairs from the server) as the
		//		store it would otherwise build from its <option>s: the same items, without reading each
		//		option's innerText, which forces a layout of the whole page per widget.
		var data = [];
		for(var i = 0; i < choices.length; i++){
			data.push({ id: choices[i][0], value: choices[i][0], name: choices[i][1] });
		}
		return new Memory({ data: data });
	}

	function markInvalid(/*dijit/_WidgetBase*/ widget){
		// summary:
		//		CheckBox, MultiSelect, Select...: no Error state of their own; marked for CSS and AT.
		domAttr.set(widget.focusNode || widget.domNode, "aria-invalid", "true");
		domClass.add(widget.domNode, "dijitize-invalid");
	}

	function chosen(/*DOMNode*/ form, /*String*/ name){
		// summary:
		//		The checked boxes, or selected options, of the field called `name`.
		var count = 0, controls = form.querySelectorAll("[name]");
		for(var i = 0; i < controls.length; i++){
			var control = controls[i];
			if(control.name != name){ continue; }
			if(control.options){
				for(var j = 0; j < control.options.length; j++){
					count += control.options[j].selected ? 1 : 0;
				}
			}else if(control.checked){
				count++;
			}
		}
		return count;
	}

	function checkCount(/*DOMNode*/ form, /*Object*/ count){
		// summary:
		//		Shows (or clears) a multiple-choice field's count error; returns whether it is right.
		var n = chosen(form, count.name),
			message = n < count.min ? count.tooFew : (count.max !== null && n > count.max ? count.tooMany : ""),
			error = dom.byId(count.errorText),
			focus = dom.byId(count.focus);
		if(error){
			error.innerHTML = message; // escaped by the server
		}
		if(focus){
			focus.setAttribute("aria-invalid", message ? "true" : "false");
		}
		return !message;
	}

	return {
		create: function(/*Function*/ Widget, /*Object*/ instance, /*Object?*/ more){
			// summary:
			//		Creates one widget of a form's spec in place of its plain HTML control
			//		(`new Widget(props, node)`): the one way widgets of forms are made. The control's
			//		descriptions are kept, Dijit's ARIA gaps are filled, and the server's error is shown.
			// instance:
			//		`node`: the control's id; `props`: the widget's properties; `choices`: [value, label]
			//		pairs for a store; `error`: the server's message (HTML, escaped); `extras.errorText`:
			//		the id of the field's error text, which follows the widget's state; `extras.step`: what
			//		a number must be a multiple of.
			// more:
			//		Properties the page adds to the spec's (the form's onSubmit).
			var extras = instance.extras || {},
				props = lang.mixin({}, instance.props, more),
				node = dom.byId(instance.node),
				describedBy = node && node.getAttribute("aria-describedby");
			if(instance.choices){
				props.store = choicesStore(instance.choices);
			}
			keepTypedValue(node, props);
			var mixins = [];
			// A number box checks its range in rangeCheck (a slider keeps to its steps by itself).
			if(extras.step && typeof Widget.prototype.rangeCheck == "function"){
				mixins.push("step");
				props.dijitizeStep = extras.step;
			}
			// A ValidationTextBox (and each box built on it) has a validator and an Error state.
			var textValidation = typeof Widget.prototype.validator == "function";
			if(instance.error && textValidation){
				mixins.push("serverError");
				props.serverError = instance.error;
			}
			// A field the server checks as the user types (a live check).
			if(extras.check && textValidation){
				mixins.push("liveCheck");
			}
			var widget = new (withMixins(Widget, instance.module, mixins))(props, node || instance.node);
			fillAriaGaps(widget, extras.noChoice);
			keepDescriptions(widget, describedBy, extras.errorText);
			if(instance.error){
				if(textValidation){
					widget.validate(false);
				}else{
					markInvalid(widget);
				}
			}
			return widget;
		},

		submitGuard: function(/*Array?*/ counts, /*Function?*/ makeAll, /*Function?*/ holdForUploads, /*Function?*/ onSent){
			// summary:
			//		The form's onSubmit (given when the form is made): an invalid form does not submit. Each
			//		bad field shows its state, and the first one gets the focus, which shows its message. The
			//		multiple-choice fields' counts are checked too (`counts`, from the server). `makeAll`
			//		makes the widgets a large form has not made yet: all are checked. While a file is still
			//		on its way, `holdForUploads(submitter)` remembers the press and answers true: the form
			//		is sent when the uploads end (their progress shows, with a cancel).
			//		A button with formnovalidate (a wizard's Back, its step list) sends the form unchecked,
			//		as the browser would. A form on its way is not sent again (a second click, a second
			//		Enter), until the page is shown again from the history.
			//		While the form is on its way, it says so: aria-busy, and its own button disabled; and
			//		`onSent` hears that it went (its draft is forgotten).
			counts = counts || [];
			var sending = false, form = null;
			var busy = function(/*Boolean*/ now){
				sending = now;
				if(!form){ return; }
				form.domNode[now ? "setAttribute" : "removeAttribute"]("aria-busy", "true");
				domClass.toggle(form.domNode, "dijitizeSending", now);
				var button = registry.byId(form.id + "-submit");
				if(button){ button.set("disabled", now); }
			};
			// Disabled once the browser has read the form: a disabled control is not sent.
			var sent = function(){
				sending = true;
				form._dijitizeSent = true; // its draft and the question on leaving are done with
				if(onSent){ onSent(); }
				setTimeout(function(){ busy(true); }, 0);
				return true;
			};
			on(window, "pageshow", function(){ busy(false); });
			return function(/*Event?*/ e){
				form = this;
				if(sending){ return false; }
				var submitter = e && e.submitter;
				if(submitter && submitter.hasAttribute("formnovalidate")){
					return sent();
				}
				if(holdForUploads && holdForUploads(submitter)){
					return false;
				}
				if(makeAll){ makeAll(); }
				var valid = this.validate(), wrong = null;
				for(var i = 0; i < counts.length; i++){
					if(!checkCount(this.domNode, counts[i]) && !wrong){
						wrong = counts[i];
					}
				}
				if(valid && wrong){
					dom.byId(wrong.focus).focus();
				}
				return valid && !wrong ? sent() : false;
			};
		},

		watchCounts: function(/*dijit/form/Form*/ form, /*Array?*/ counts){
			// summary:
			//		Checks a multiple-choice field's count again each time one of its choices changes.
			//		The listener is the form's: removed when the form is destroyed.
			if(!counts || !counts.length){ return; }
			form.own(on(form.domNode, "change", function(e){
				for(var i = 0; i < counts.length; i++){
					if(e.target && e.target.name == counts[i].name){
						checkCount(form.domNode, counts[i]);
					}
				}
			}));
		}
	};
});
