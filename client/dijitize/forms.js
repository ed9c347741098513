define([
	"require",
	"dojo/dom", // dom.byId
	"dijit/registry", // registry.byId
	"./formSupport",
	"./lazyWidgets",
	"./rowLists",
	"./unions",
	"./uploads",
	"./remoteChoices",
	"./drafts",
	"./leaveGuard"
], function(require, dom, registry, formSupport, lazyWidgets, rowLists, unions, uploads, remoteChoices, drafts, leaveGuard){
	// summary:
	//		Creates a form's widgets from the spec the server made for one request. Both modes call it:
	//		inline pages as a ready call with the spec itself, form-function pages (strict CSP, no inline
	//		script) with the id of the JSON island that holds it. One function, so the two cannot drift.

	function keepFocus(/*DOMNode*/ formNode, /*DOMNode*/ focused){
		// summary:
		//		Dijit's Form moves the form's content into its own node, and each widget replaces its plain
		//		control: whatever had the focus (the error summary, which takes it on load, or a field the
		//		user is in) loses it to <body>. It gets it back, as its widget if it has one; and a summary
		//		whose autofocus had not come round yet gets it too.
		var now = document.activeElement;
		if(now && now !== document.body){ return; }
		var target = null;
		if(focused && focused !== document.body){
			var widget = focused.id && registry.byId(focused.id);
			target = document.documentElement.contains(focused) ? focused : widget && (widget.focusNode || widget.domNode);
		}else{
			target = formNode.querySelector("[autofocus]");
		}
		if(target && target.focus){ target.focus(); }
	}

	return {
		build: function(/*String|Object*/ specOrIslandId){
			// summary:
			//		Creates the form, its field widgets and its submit button, then starts the form.
			// specOrIslandId:
			//		The spec itself, or the id of the <script type="application/json"> that holds it.
			var spec = typeof specOrIslandId == "string" ?
				JSON.parse(dom.byId(specOrIslandId).textContent) : specOrIslandId;
			require(spec.modules, function(){
				var classes = {};
				for(var i = 0; i < spec.modules.length; i++){
					classes[spec.modules[i]] = arguments[i];
				}
				var sourced = [];
				var create = function(instance, more){
					var source = instance.extras && instance.extras.source;
					if(source){
						// A field whose choices come from the server: its store, and what it depends on.
						var node = dom.byId(instance.node);
						more = { store: remoteChoices.store(classes, instance, node.form), dijitizeSource: source, pageSize: source.pageSize };
					}
					if(instance.extras && instance.extras.check){
						// A live check posts the form's other values, never these (passwords, sensitive fields).
						more = { dijitizeSensitive: spec.sensitive || [], dijitizeWarn: instance.extras.warn || null };
					}
					var widget = formSupport.create(classes[instance.module], instance, more);
					if(source){ sourced.push(widget); }
					return widget;
				};
				// A draft kept in the browser goes into the plain controls first: the widgets take it from them.
				drafts.restore(spec);
				var makeAll = function(){},
					focused = document.activeElement,
					// The first instance is the form: it is made with the guard that stops an invalid submit.
					form = create(spec.widgets[0], { onSubmit: formSupport.submitGuard(spec.counts, function(){ makeAll(); }, function(submitter){ return uploads.holdSend(form, spec.uploads, submitter); }, function(){ drafts.sent(form, spec); }) }),
					fields = spec.widgets.slice(1, -1);
				// The submit button (the last instance) is made at once: a click on it must meet the widget
				// that sends the form, never a plain button that is replaced while its click is handled.
				create(spec.widgets[spec.widgets.length - 1]);
				var sourcing = fields.some(function(instance){ return instance.extras && instance.extras.source; });
				if(fields.length <= lazyWidgets.EAGER_UP_TO || spec.unions.length || sourcing){
					// At once: small forms, forms whose sections are managed by their widgets, and forms with
					// choices from a source (remoteChoices links each to the fields it depends on, made).
					// A list's rows are plain markup moved and removed as nodes: their widgets can wait.
					fields.forEach(create);
				}else{
					makeAll = lazyWidgets.defer(form, fields, create);
				}
				formSupport.watchCounts(form, spec.counts);
				rowLists.manage(form, spec.lists, classes);
				unions.manage(form, spec.unions);
				uploads.manage(form, spec.uploads, classes);
				remoteChoices.link(form, sourced);
				drafts.keep(form, spec);
				leaveGuard.watch(form, spec);
				form.startup();
				keepFocus(form.domNode, focused);
				// Said on the form node once it can be used and cannot be sent unchecked (tests, benchmarks).
				form.domNode.setAttribute("data-dijitize-ready", "true");
			});
		}
	};
});
