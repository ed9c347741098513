define([
	"require",
	"dojo/_base/config",
	"dojo/domReady!"
], function(require, config){
	// summary:
	//		The no-inline-script twin of the require([...]) that the {% dojo %} tag writes in inline mode:
	//		requires the page's modules and calls each ready function, in order, with its JSON arguments.
	//		boot.js put them in the config (dijitizeBoot).
	var boot = config.dijitizeBoot, modules = boot.modules;
	require(modules, function(){
		var loaded = {};
		for(var i = 0; i < modules.length; i++){
			loaded[modules[i]] = arguments[i];
		}
		for(var j = 0; j < boot.ready.length; j++){
			var call = boot.ready[j], module = loaded[call.module];
			module[call.fn].apply(module, call.args);
		}
	});
	return boot;
});
