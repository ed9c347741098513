// Benchmark probe (not part of dijitize): records in window.__benchReady the time since navigation at
// which the page's form widgets all exist and the form has started. Loaded first, as an external script,
// so that it also works under a strict CSP.
(function(){
	var expected = Number(document.currentScript.getAttribute("data-expected"));
	function check(){
		if(window.__benchReady || typeof window.require != "function"){ return; }
		var registry;
		try{ registry = window.require("dijit/registry"); }catch(e){ return; }
		var forms = registry.toArray().filter(function(w){ return w.declaredClass == "dijit.form.Form"; });
		if(registry.length >= expected && forms.length && forms[0]._started){
			window.__benchReady = performance.now();
			observer.disconnect();
		}
	}
	var observer = new MutationObserver(check);
	observer.observe(document, { subtree: true, childList: true, attributes: true });
})();
