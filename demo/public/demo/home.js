define([
	"dojo/_base/kernel",
	"dojo/dom"
], function(kernel, dom){
	// summary:
	//		Ready callbacks of the demo's home page: they show that Dojo loaded and in which order
	//		the callbacks ran.
	return {
		mark: function(label){
			var node = dom.byId("ready-order");
			node.textContent = (node.textContent ? node.textContent + " " : "") + label;
		},
		showVersion: function(){
			dom.byId("dojo-version").textContent = kernel.version.toString();
		}
	};
});
