define([
	"dojo/dom", // dom.byId
	"dojo/on"
], function(dom, on){
	// summary:
	//		A large form's widgets, made when they are needed rather than all before the form is ready
	//		(Dijit takes about 1 ms a widget): at once the first ones (the top of the form, what a page
	//		shows first) and those showing a server error; then each as it comes near the view, or takes
	//		the focus, or when the browser is idle; and all that are left before the form validates or is
	//		sent. Meanwhile the plain controls stand in: labelled, constrained and posted as the widgets
	//		will be. No position is read while the page loads (each read would force a layout of it): an
	//		IntersectionObserver says what comes into view.

	// A form of this many widgets or fewer is made at once: it is ready in a few milliseconds anyway.
	var EAGER_UP_TO = 40;
	// Widgets made at once in a larger form: more than a screen of fields.
	var FIRST = 30;
	// How far outside the view (px) a control counts as near it: made before it is scrolled to.
	var MARGIN = 300;
	// The longest slice spent making widgets when the browser gives no idle time, so that input is never
	// kept waiting.
	var SLICE_MS = 8;
	// The longest a slice waits for idle time before it runs anyway.
	var IDLE_WAIT_MS = 2000;

	return {
		EAGER_UP_TO: EAGER_UP_TO,

		defer: function(/*dijit/form/Form*/ form, /*Object[]*/ instances, /*Function*/ create){
			// summary:
			//		Makes, with create(instance), the instances that must exist now, and the others later.
			//		Returns a function that makes all that are left, at once (the submit guard calls it).
			var pending = {}, count = 0, observer = null;

			function make(/*String*/ id){
				var instance = pending[id];
				if(!instance){ return null; }
				delete pending[id];
				count--;
				var node = dom.byId(id);
				if(!node){ return null; } // its row was removed before it was needed
				if(observer){ observer.unobserve(node); }
				return create(instance);
			}
			function settle(){
				// The new widgets join the form's validation and state (Dijit starts them).
				form.connectChildren();
				if(!count && observer){ observer.disconnect(); }
			}
			function makeAll(){
				if(!count){ return; }
				for(var id in pending){ make(id); }
				settle();
			}

			var now = [], later = [];
			for(var i = 0; i < instances.length; i++){
				var node = dom.byId(instances[i].node);
				if(!node || i < FIRST || instances[i].error){
					now.push(instances[i]);
				}else{
					pending[instances[i].node] = instances[i];
					later.push(node);
					count++;
				}
			}
			now.forEach(create);
			if(!count){ return makeAll; }
			// The submit guard makes and checks every widget: the browser's own check of the plain controls
			// left would stop the submission first, with its own bubbles, in their place.
			form.domNode.noValidate = true;

			// Near the view: made before it is seen.
			if(typeof IntersectionObserver == "function"){
				observer = new IntersectionObserver(function(entries){
					var made = false;
					entries.forEach(function(entry){
						if(entry.isIntersecting && pending[entry.target.id]){ make(entry.target.id); made = true; }
					});
					if(made){ settle(); }
				}, { rootMargin: MARGIN + "px 0px" });
				later.forEach(function(node){ observer.observe(node); });
				form.own({ remove: function(){ observer.disconnect(); } });
			}
			// Focused (Tab, a click, a link from the error summary): made, and the widget takes the focus.
			form.own(on(form.domNode, "focusin", function(e){
				var id = e.target && e.target.id;
				if(!pending[id]){ return; }
				var widget = make(id);
				settle();
				var focus = widget && (widget.focusNode || widget.domNode);
				if(focus && focus.focus){ focus.focus(); }
			}));
			// Idle: the rest, a slice at a time. An idle period is the browser's word that nothing waits (up to
			// 50 ms): it is spent whole, where a fixed slice of SLICE_MS left most of each period unused and
			// the next slice a frame away. A slice the timeout runs (the browser was never idle) takes SLICE_MS.
			var idle = window.requestIdleCallback ?
				function(fn){ return window.requestIdleCallback(fn, { timeout: IDLE_WAIT_MS }); } :
				function(fn){ return setTimeout(function(){ fn({ didTimeout: true }); }, 1); };
			idle(function slice(deadline){
				var start = Date.now();
				var left = deadline.didTimeout ?
					function(){ return SLICE_MS - (Date.now() - start); } :
					function(){ return deadline.timeRemaining(); };
				for(var id in pending){
					if(left() <= 0){ break; }
					make(id);
				}
				// The form learns of them all once the last is made: connectChildren walks every widget of
				// the form, so once a slice it grew with the square of the form. Whatever needs them sooner
				// (a focus, the view, the submit guard) settles for itself.
				if(count){ idle(slice); }else{ settle(); }
			});
			return makeAll;
		}
	};
});
