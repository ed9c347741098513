define([
	"dojo/dom", // dom.byId
	"dojo/on",
	"dijit/registry" // registry.findWidgets
], function(dom, on, registry){
	// summary:
	//		Sections chosen by a discriminator, in the page: the chosen branch's section shows, the others
	//		hide and their widgets are disabled, so that they are neither checked nor posted. The switch
	//		button, which asks the server for the same without JavaScript, is not needed here: hidden.

	function manageOne(/*dijit/form/Form*/ form, /*Object*/ union){
		var sections = union.sections.map(function(pair){ return { value: pair[0], node: dom.byId(pair[1]) }; });
		var chosen = function(){
			// What the form would post for the discriminator (a FilteringSelect posts its hidden value).
			var value = new FormData(form.domNode).get(union.name);
			return typeof value == "string" ? value : "";
		};
		var update = function(){
			var value = chosen();
			sections.forEach(function(section){
				var open = section.value === value;
				section.node.hidden = !open;
				registry.findWidgets(section.node).forEach(function(widget){
					widget.set("disabled", !open);
				});
			});
		};
		sections[0].node.parentNode.querySelector(".dijitize-switch-actions").hidden = true;
		registry.findWidgets(form.domNode).forEach(function(widget){
			if(widget.name === union.name){
				form.own(widget.watch("value", update), widget.watch("checked", update));
			}
		});
		form.own(on(form.domNode, "change", update));
		update();
	}

	return {
		manage: function(/*dijit/form/Form*/ form, /*Array*/ unions){
			// summary:
			//		Makes each union of `form` switch its sections in the page.
			// unions:
			//		The spec's unions: the discriminator's name, and each branch's value and section id.
			(unions || []).forEach(function(union){
				manageOne(form, union);
			});
		}
	};
});
