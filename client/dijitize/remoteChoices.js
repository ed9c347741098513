define([
	"dojo/_base/config", // config.dijitizeEndpoints
	"dojo/_base/lang", // lang.delegate
	"dijit/registry" // registry.findWidgets
], function(config, lang, registry){
	// summary:
	//		Fields whose choices come from a source on the server (too many for the page): their
	//		FilteringSelect or ComboBox queries dojo()'s choices endpoint through a store that speaks as
	//		dojo/store/JsonRest does, a page at a time, with the values of the fields the choices depend on; a field is cleared when
	//		one of those changes.

	function formValue(/*DOMNode*/ formNode, /*String*/ name){
		var value = new FormData(formNode).get(name);
		return typeof value == "string" ? value : "";
	}

	return {
		store: function(/*Object*/ modules, /*Object*/ instance, /*DOMNode*/ formNode){
			// summary:
			//		The dojo/store of one field, as dojo/store/JsonRest speaks to its server (a query's page
			//		in its Range header, the total in Content-Range; get() by id), through dojo/request,
			//		whose JSON is JSON.parse: JsonRest's own reading evals, which a strict CSP forbids.
			//		`<choices endpoint>/<form>/<field>?id=` takes `&name=<typed>*` for a query, the id for get().
			// modules:
			//		The form's modules by id: dojo/request, dojo/store/util/QueryResults, dojo/io-query.
			var request = modules["dojo/request"], QueryResults = modules["dojo/store/util/QueryResults"], ioQuery = modules["dojo/io-query"],
				source = instance.extras.source,
				endpoints = config.dijitizeEndpoints || {},
				target = endpoints.choices + "/" + encodeURIComponent(formNode.elements[endpoints.names.form].value) + "/" + encodeURIComponent(instance.props.name) + "?id=",
				json = { Accept: "application/json" };
			return {
				idProperty: "id",
				getIdentity: function(item){ return item.id; },
				get: function(id){
					// No value is no choice: never a request (the endpoint would take "?id=" for a search).
					if(id === "" || id === null || id === undefined){ return null; }
					return request.get(target + encodeURIComponent(id), { handleAs: "json", headers: json });
				},
				query: function(query, options){
					options = options || {};
					var params = {};
					for(var key in query){ params[key] = query[key]; }
					source.dependsOn.forEach(function(name){ params[endpoints.names.parent + name] = formValue(formNode, name); });
					var start = options.start || 0, headers = { Accept: "application/json" };
					if(options.count > 0 && isFinite(options.count)){ headers.Range = "items=" + start + "-" + (start + options.count - 1); }
					var answer = request.get(target + "&" + ioQuery.objectToQuery(params), { handleAs: "json", headers: headers });
					// Dojo's promises are frozen: the total goes on an object that inherits from one.
					return QueryResults(lang.delegate(answer.then(function(items){ return items; }), {
						total: answer.response.then(function(response){
							var range = /\/(\d+)$/.exec(response.getHeader("Content-Range") || "");
							return range ? Number(range[1]) : response.data.length;
						})
					}));
				}
			};
		},

		link: function(/*dijit/form/Form*/ form, /*Array*/ widgets){
			// summary:
			//		Clears a field whose choices depend on another when that one changes: its choice may
			//		no longer fit (the server checks the pair at submit anyway).
			var byName = {};
			registry.findWidgets(form.containerNode).forEach(function(widget){ byName[widget.name] = widget; });
			widgets.forEach(function(child){
				var source = child.dijitizeSource;
				// The button that asks the server for the choices without JavaScript: the widget asks itself.
				var button = source && document.getElementById(source.button);
				if(button){ button.hidden = true; }
				(source && source.dependsOn || []).forEach(function(name){
					var parent = byName[name];
					if(parent){
						form.own(parent.watch("value", function(attr, was, now){
							if(was !== now && child.get("value") !== ""){ child.set("value", ""); }
						}));
					}
				});
			});
		}
	};
});
