// summary:
//		Loaded as a plain script before dojo.js when a page carries no inline script (strict CSP).
//		Reads the JSON island written by the {% dojo %} tag (its id is this script's data-island),
//		turns it into the global dojoConfig, and asks the loader to run dijitize/start once dojo.js is
//		up; start reads the page's modules and ready calls from the config (dojo/_base/config).
(function(){
	var script = document.currentScript,
		island = script && document.getElementById(script.getAttribute("data-island"));
	if(!island){ return; }
	var boot = JSON.parse(island.textContent);
	var config = boot.dojoConfig;
	config.deps = (config.deps || []).concat(["dijitize/start"]);
	config.dijitizeBoot = { modules: boot.modules, ready: boot.ready };
	window.dojoConfig = config;
})();
