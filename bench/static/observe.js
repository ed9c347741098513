// Benchmark probe (not part of dijitize): records the time since navigation at which the page's form
// can be used (window.__benchReady) and at which every widget exists (window.__benchAll). A form is
// ready once it has started: dijitize says so on the form node (a large form makes its off-screen
// widgets after that, and checks them all before it is sent); dojo/parser's form when every widget is
// made. Loaded first, as an external script, so that it also works under a strict CSP.
(function(){
	var expected = Number(document.currentScript.getAttribute("data-expected"));
	function check(){
		if(typeof window.require != "function"){ return; }
		var registry;
		try{ registry = window.require("dijit/registry"); }catch(e){ return; }
		// dijitize's form controller, or dijit/form/Form as the parser page makes it.
		var forms = registry.toArray().filter(function(w){ return w.declaredClass == "dijitize.Form" || w.declaredClass == "dijit.form.Form"; });
		if(!forms.length || !forms[0]._started){ return; }
		var all = registry.length >= expected;
		if(!window.__benchReady && (all || forms[0].domNode.hasAttribute("data-dijitize-ready"))){
			window.__benchReady = performance.now();
		}
		if(all && !window.__benchAll){
			window.__benchAll = performance.now();
			observer.disconnect();
		}
	}
	var observer = new MutationObserver(check);
	observer.observe(document, { subtree: true, childList: true, attributes: true });
})();
