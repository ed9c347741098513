define([
	"require",
	"dojo/dom", // dom.byId
	"./formSupport",
	"./rowLists",
	"./unions"
], function(require, dom, formSupport, rowLists, unions){
	// summary:
	//		Creates a form's widgets from the spec the server made for one request. Both modes call it:
	//		inline pages as a ready call with the spec itself, form-function pages (strict CSP, no inline
	//		script) with the id of the JSON island that holds it. One function, so the two cannot drift.

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
				var form = null;
				for(var j = 0; j < spec.widgets.length; j++){
					var widget = formSupport.create(classes[spec.widgets[j].module], spec.widgets[j]);
					form = form || widget; // the first instance is the form
				}
				formSupport.guardSubmit(form, spec.counts);
				rowLists.manage(form, spec.lists, classes);
				unions.manage(form, spec.unions);
				form.startup();
			});
		}
	};
});
