// summary:
//		Loaded as a plain script before dojo.js when a page carries no inline script (strict CSP).
//		Reads the JSON island written by the {% dojo %} tag, turns it into the global dojoConfig
//		and asks the loader to run dijitize/start once dojo.js is up.
(function(){
	var island = document.getElementById("dijitize-boot");
	if(!island){ return; }
	var boot = JSON.parse(island.textContent);
	var config = boot.dojoConfig;
	config.deps = (config.deps || []).concat(["dijitize/start"]);
	window.dojoConfig = config;
})();
