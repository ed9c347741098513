define([
	"dojo/_base/declare",
	"dojo/dom", // dom.byId
	"dojo/dom-attr", // domAttr.set
	"dojo/dom-class", // domClass.add
	"dojo/store/Memory"
], function(declare, dom, domAttr, domClass, Memory){
	// summary:
	//		What both ways of starting a form share: showing the server's error inside a widget, and
	//		blocking the submission of an invalid form.

	function describe(/*DOMNode*/ node, /*String*/ ids){
		// summary:
		//		Sets aria-describedby to `ids` (space-separated), or removes it when there are none.
		if(ids){
			node.setAttribute("aria-describedby", ids);
		}else{
			node.removeAttribute("aria-describedby");
		}
	}

	function fillAriaGaps(/*dijit/_WidgetBase*/ widget){
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
		if(widget.containerNode && root.getAttribute("role") == "listbox" && typeof MutationObserver != "undefined"){
			var nameBlankOption = function(){
				var shown = widget.containerNode.querySelector("[role=option]");
				if(shown && !shown.textContent.replace(/\s/g, "")){
					shown.setAttribute("aria-label", "No choice");
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

	// A number that must be a multiple of `dijitizeStep` (zod's multipleOf), checked where Dijit checks
	// a number's range, so that it shows the range message, as the server does. Float-safe, as zod is.
	var StepCheck = declare(null, {
		dijitizeStep: null,
		rangeCheck: function(/*Number*/ value, /*Object*/ constraints){
			var inRange = this.inherited(arguments),
				steps = value / this.dijitizeStep;
			return inRange && (typeof value != "number" || Math.abs(steps - Math.round(steps)) < 1e-9);
		}
	});
	function withStepCheck(/*Function*/ Widget){
		if(!Widget._dijitizeStepCheck){
			// No class name: declare() would also set a global. The widget still says what it is.
			var Checked = declare([Widget, StepCheck]);
			Checked.prototype.declaredClass = Widget.prototype.declaredClass;
			Widget._dijitizeStepCheck = Checked;
		}
		return Widget._dijitizeStepCheck;
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
		create: function(/*Function*/ Widget, /*Object*/ props, /*String*/ nodeId, /*Object?*/ extras){
			// summary:
			//		Creates a widget in place of its plain HTML control (`new Widget(props, node)`), the
			//		one way both modes create widgets: the control's descriptions are kept, and Dijit's ARIA
			//		gaps are filled.
			// extras:
			//		`errorText`: the id of the field's error text, which follows the widget's state;
			//		`step`: what the number must be a multiple of.
			extras = extras || {};
			var node = dom.byId(nodeId),
				describedBy = node && node.getAttribute("aria-describedby");
			if(extras.step){
				Widget = withStepCheck(Widget);
				props.dijitizeStep = extras.step;
			}
			var widget = new Widget(props, node || nodeId);
			fillAriaGaps(widget);
			keepDescriptions(widget, describedBy, extras.errorText);
			return widget;
		},

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

		guardSubmit: function(/*dijit/form/Form*/ form, /*Array?*/ counts){
			// summary:
			//		An invalid form does not submit: each bad field shows its state, and the first one
			//		gets the focus, which shows its message. The multiple-choice fields' counts are
			//		checked too (`counts`, from the server), and checked again when a choice changes.
			counts = counts || [];
			var formNode = form.domNode;
			formNode.addEventListener("change", function(e){
				for(var i = 0; i < counts.length; i++){
					if(e.target && e.target.name == counts[i].name){
						checkCount(formNode, counts[i]);
					}
				}
			});
			form.onSubmit = function(){
				var valid = this.validate(), wrong = null;
				for(var i = 0; i < counts.length; i++){
					if(!checkCount(formNode, counts[i]) && !wrong){
						wrong = counts[i];
					}
				}
				if(valid && wrong){
					dom.byId(wrong.focus).focus();
				}
				return valid && !wrong;
			};
			return form;
		}
	};
});
