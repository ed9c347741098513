define([
	"require",
	"dojo/domReady!"
], function(require){
	// summary:
	//		The no-inline-script twin of the require([...]) that the {% dojo %} tag writes in inline mode:
	//		requires the page's modules and calls each ready function, in order, with its JSON arguments.
	var boot = JSON.parse(document.getElementById("dijitize-boot").textContent);
	var modules = boot.modules;
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
