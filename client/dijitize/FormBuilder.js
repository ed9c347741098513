define([
	"require",
	"dojo/dom", // dom.byId
	"./formSupport"
], function(require, dom, formSupport){
	// summary:
	//		The default form function: creates a form's widgets from the spec that the server wrote as
	//		a JSON island, so that the page needs no inline script (strict CSP).

	return {
		build: function(/*String|Object*/ specOrIslandId){
			// summary:
			//		Creates the form, its field widgets and its submit button, then starts the form.
			// specOrIslandId:
			//		The spec itself, or the id of the <script type="application/json"> that holds it.
			var spec = typeof specOrIslandId == "string" ?
				JSON.parse(dom.byId(specOrIslandId).textContent) : specOrIslandId;
			require(spec.modules, function(){
				var classes = {}, form;
				for(var i = 0; i < spec.modules.length; i++){
					classes[spec.modules[i]] = arguments[i];
				}
				for(var j = 0; j < spec.widgets.length; j++){
					var w = spec.widgets[j],
						props = w.choices ? formSupport.withChoices(w.props, w.choices) : w.props,
						widget = formSupport.create(classes[w.module], props, w.node, w.extras);
					if(j === 0){
						form = widget;
					}else if(w.error){
						formSupport.showServerError(widget, w.error);
					}
				}
				formSupport.guardSubmit(form, spec.counts);
				form.startup();
			});
		}
	};
});
