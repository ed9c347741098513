define([
	"dojo/aspect", // aspect.after
	"dojo/_base/config", // config.dijitizeUploads
	"dojo/dom", // dom.byId
	"dojo/dom-construct", // domConstruct.create
	"dojo/on"
], function(aspect, config, dom, domConstruct, on){
	// summary:
	//		A form's file fields, in the page: each chosen file is checked as the server will check it (size,
	//		type, count, with the server's messages), then uploaded at once, with a progress bar and a
	//		cancel button when it is large, while the user goes on filling the form. An uploaded file is
	//		kept as the server keeps one from a refused POST: a hidden token, its name and size, and a
	//		"Remove" checkbox. The form then posts tokens, not bytes.
	//		Where dojo() takes resumable uploads (dojoConfig.dijitizeUploads), a file goes with the tus
	//		protocol (tus-js-client) in chunks: a dropped connection, a reload (the same file chosen again)
	//		or a laptop that slept goes on from the last chunk the server has, until the upload expires.

	// The bytes of one request of a resumable upload: what a dropped connection loses at most.
	var CHUNK = 5 * 1024 * 1024;

	var busy = {}; // uploads in progress, by form id
	var held = {}; // a send pressed while uploads were on their way, by form id: { note, submitter }
	var failed = {}; // whether an upload of the form failed or was cancelled since the send was held

	function release(/*String*/ id){
		// summary:
		//		Ends a held send: its note goes. Returns what was held, or null.
		var h = held[id];
		if(!h){ return null; }
		delete held[id];
		if(h.note.parentNode){ h.note.parentNode.removeChild(h.note); }
		return h;
	}

	function uploadsEnded(/*dijit/form/Form*/ form){
		// summary:
		//		The last upload of the form ended: a held send goes now, unless an upload failed or was
		//		cancelled (its message shows; the user sends again when ready).
		var id = form.domNode.id, h = release(id), ok = !failed[id];
		failed[id] = false;
		if(!h || !ok){ return; }
		var node = form.domNode, submitter = h.submitter && document.documentElement.contains(h.submitter) ? h.submitter : null;
		// requestSubmit runs the form's checks and submit listeners, as the user's press did.
		if(node.requestSubmit){ node.requestSubmit(submitter); }else{ form.submit(); }
	}

	function fill(/*String*/ text, /*Object*/ spec, /*String*/ name){
		return text.split(spec.place).join(name);
	}

	function keptItems(/*Object*/ spec){
		// summary:
		//		The kept files the form will post (those not marked for removal).
		var list = dom.byId(spec.kept), items = list ? list.querySelectorAll("li") : [], kept = [];
		for(var i = 0; i < items.length; i++){
			var remove = items[i].querySelector("input[type=checkbox]");
			if(!remove || !remove.checked){ kept.push(items[i]); }
		}
		return kept;
	}

	function problem(/*Object*/ spec, /*File[]*/ files){
		// summary:
		//		What is wrong with the chosen files, as the server would say it; "" when nothing is.
		var m = spec.messages;
		var count = spec.multiple ? keptItems(spec).length + files.length : files.length;
		if(spec.maxFiles !== null && count > spec.maxFiles){ return m.tooMany; }
		for(var i = 0; i < files.length; i++){
			var file = files[i];
			if(spec.maxSize !== null && file.size > spec.maxSize){ return fill(m.tooLarge, spec, file.name); }
			if(spec.minSize !== null && file.size < spec.minSize){ return fill(m.tooSmall, spec, file.name); }
			if(spec.types.length && spec.types.indexOf(file.type) < 0){ return fill(m.wrongType, spec, file.name); }
		}
		return "";
	}

	function showError(/*Object*/ spec, /*String*/ message){
		var input = dom.byId(spec.input), error = dom.byId(spec.error);
		error.textContent = message;
		input.setAttribute("aria-invalid", message ? "true" : "false");
		var ids = (input.getAttribute("aria-describedby") || "").split(" ").filter(function(id){ return id && id != spec.error; });
		if(message){ ids.push(spec.error); }
		input.setAttribute("aria-describedby", ids.join(" "));
	}

	function addKept(/*Object*/ spec, /*Object*/ file){
		// summary:
		//		The markup the server gives a kept file (server/forms/render/upload-html.ts), for a new one.
		var list = dom.byId(spec.kept);
		if(!spec.multiple){
			keptItems(spec).forEach(function(item){ item.parentNode.removeChild(item); });
		}
		var index = list.querySelectorAll("li").length, removeId = spec.input + "-remove-" + index;
		while(dom.byId(removeId)){ removeId += "x"; }
		var item = domConstruct.create("li", { className: "dijitize-kept-file" }, list);
		domConstruct.create("input", { type: "hidden", name: spec.names.kept, value: file.token }, item);
		domConstruct.create("span", { className: "dijitize-file-name", textContent: file.name }, item);
		item.appendChild(document.createTextNode(" "));
		domConstruct.create("span", { className: "dijitize-file-size", textContent: "(" + file.shownSize + ")" }, item);
		item.appendChild(document.createTextNode(" "));
		var choice = domConstruct.create("span", { className: "dijitize-choice" }, item);
		domConstruct.create("input", { type: "checkbox", id: removeId, name: spec.names.remove, value: file.id }, choice);
		domConstruct.create("label", { "for": removeId, textContent: fill(spec.messages.remove, spec, file.name) }, choice);
		list.hidden = false;
		list.setAttribute("aria-label", spec.messages.kept.split("{field}").join(dom.byId(spec.input).labels[0].textContent));
		dom.byId(spec.input).required = false;
	}

	function upload(/*dijit/form/Form*/ form, /*Object*/ spec, /*File*/ file, /*Object*/ classes, /*Function*/ onFailed){
		// summary:
		//		Sends one file: dojo() stores and checks it, and answers with its token. A large file shows
		//		its progress, with a button that cancels it.
		var formNode = form.domNode, place = dom.byId(spec.progress), ProgressBar = classes["dijit/ProgressBar"];
		var csrf = formNode.elements[spec.names.csrf];
		var resumable = config.dijitizeUploads, tus = classes["tus/tus"];
		var send = resumable && tus && tus.isSupported ? sendResumable : sendWhole;
		var row = domConstruct.create("div", { className: "dijitize-upload", role: "status" }, place);
		var bar = null, transfer = null, label = null;
		if(file.size >= spec.progressFrom && ProgressBar){
			bar = new ProgressBar({ maximum: file.size, value: 0 });
			bar.domNode.setAttribute("aria-label", fill(spec.messages.uploading, spec, file.name));
			// Its label is the percentage, which the bar names it by at each update: the name says what uploads.
			var named = function(){ bar.domNode.removeAttribute("aria-labelledby"); };
			aspect.after(bar, "update", named);
			named();
			bar.placeAt(row);
			bar.startup();
			label = domConstruct.create("span", { className: "dijitize-upload-state" }, row);
			var cancel = domConstruct.create("button", { type: "button", className: "dijitize-upload-cancel", textContent: fill(spec.messages.cancel, spec, file.name) }, row);
			on(cancel, "click", function(){ transfer.cancel(); });
		}else{
			label = domConstruct.create("span", { textContent: fill(spec.messages.uploading, spec, file.name) + "\u2026" }, row);
		}
		var id = formNode.id;
		busy[id] = (busy[id] || 0) + 1;
		var finish = function(/*String?*/ message, /*Boolean*/ ok){
			busy[id]--;
			if(!ok){
				failed[id] = true;
				onFailed();
			}
			if(bar){ bar.destroy(); }
			row.parentNode.removeChild(row);
			if(message !== undefined){ showError(spec, message); }
			if(!busy[id]){ uploadsEnded(form); }
		};
		var say = function(/*String*/ text){
			// A state of the upload (waiting for the connection, checked for viruses), said where it is shown.
			if(label){ label.textContent = text; }
		};
		transfer = send(formNode, spec, file, csrf ? csrf.value : "", {
			progress: function(sent){
				if(bar){ bar.set("value", Math.min(sent, file.size)); }
				if(sent >= file.size && resumable && resumable.scan){ say(fill(spec.messages.scanning, spec, file.name)); }
			},
			say: say,
			answered: function(/*Number*/ status, /*String*/ text){
				var answer = null;
				try{ answer = JSON.parse(text); }catch(e){ /* a refusal in plain text */ }
				if(status == 200 && answer && answer.files){
					answer.files.forEach(function(kept){ addKept(spec, kept); });
					finish("", true);
				}else{
					finish(answer && answer.error ? answer.error : (text && status < 500 && status >= 400 ? text : fill(spec.messages.failed, spec, file.name)), false);
				}
			},
			// A cancelled upload cancels a held send too: the user chooses what to send.
			cancelled: function(){ finish("", false); }
		}, tus, resumable);
	}

	function sendWhole(/*DOMNode*/ formNode, /*Object*/ spec, /*File*/ file, /*String*/ csrf, /*Object*/ events){
		// summary:
		//		One request: the file to the form's own URL, marked as an upload (dojo() answers it).
		var data = new FormData();
		if(csrf){ data.append(spec.names.csrf, csrf); } // first: checked before the file is stored
		data.append(spec.names.upload, spec.form);
		data.append(spec.name, file, file.name);
		var xhr = new XMLHttpRequest();
		xhr.upload.onprogress = function(e){
			if(e.lengthComputable){ events.progress(e.loaded); }
		};
		xhr.onload = function(){ events.answered(xhr.status, xhr.responseText); };
		xhr.onerror = function(){ events.answered(0, ""); };
		xhr.onabort = events.cancelled;
		xhr.open("POST", formNode.getAttribute("action") || location.href);
		xhr.setRequestHeader("Accept", "application/json");
		xhr.send(data);
		return { cancel: function(){ xhr.abort(); } };
	}

	function sendResumable(/*DOMNode*/ formNode, /*Object*/ spec, /*File*/ file, /*String*/ csrf, /*Object*/ events, /*Object*/ tus, /*Object*/ resumable){
		// summary:
		//		The file in chunks to dojo()'s tus endpoint. An upload of the same file for the same field of
		//		this page, begun before a reload, goes on where it stopped (tus keeps its URL in localStorage).
		//		Without a connection it waits for one; a refusal (4xx) ends it with the server's reason.
		var cancelled = false, waiting = null;
		var upload = new tus.Upload(file, {
			endpoint: resumable.url,
			chunkSize: CHUNK,
			retryDelays: [0, 1000, 3000, 5000, 10000],
			metadata: { form: spec.form, field: spec.name, filename: file.name, filetype: file.type },
			headers: { "X-CSRF-Token": csrf },
			storeFingerprintForResuming: true,
			removeFingerprintOnSuccess: true,
			fingerprint: function(f){
				return Promise.resolve(["dijitize", location.pathname, spec.form, spec.name, f.name, f.type, f.size, f.lastModified].join("/"));
			},
			onProgress: function(sent){ events.progress(sent); },
			onSuccess: function(payload){ events.answered(payload.lastResponse.getStatus(), payload.lastResponse.getBody()); },
			onError: function(err){
				if(cancelled){ return; }
				var response = err.originalResponse;
				if(!response && navigator.onLine === false){
					// Offline (a laptop asleep, a train in a tunnel): it goes on when the connection is back.
					events.say(fill(spec.messages.offline, spec, file.name));
					waiting = on(window, "online", function(){
						waiting.remove();
						waiting = null;
						events.say("");
						upload.start();
					});
					return;
				}
				events.answered(response ? response.getStatus() : 0, response ? response.getBody() : "");
			}
		});
		upload.findPreviousUploads().then(function(previous){
			if(cancelled){ return; }
			if(previous.length){ upload.resumeFromPreviousUpload(previous[0]); }
			upload.start();
		});
		return {
			cancel: function(){
				cancelled = true;
				if(waiting){ waiting.remove(); }
				// Ended on the server too: its chunks go at once.
				upload.abort(true).then(events.cancelled, events.cancelled);
			}
		};
	}

	function manageOne(/*dijit/form/Form*/ form, /*Object*/ spec, /*Object*/ classes){
		var input = dom.byId(spec.input), required = input.required;
		form.own(on(input, "change", function(){
			var files = Array.prototype.slice.call(input.files || []);
			if(!files.length){ return; }
			var message = problem(spec, files);
			showError(spec, message);
			if(!message){
				// The input is emptied below: while its files are on their way it asks for none, so that the
				// browser's own check lets a send through to be held (uploads that fail ask again).
				input.required = false;
				files.forEach(function(file){ upload(form, spec, file, classes, function(){
					input.required = required && !keptItems(spec).length;
				}); });
			}
			// The bytes go now, or not at all: the form posts the tokens.
			input.value = "";
		}));
	}

	return {
		manage: function(/*dijit/form/Form*/ form, /*Array*/ uploads, /*Object*/ classes){
			// summary:
			//		Makes each file field of `form` upload its files as they are chosen.
			// uploads:
			//		The spec's file fields (server/forms/render/widget-spec.ts, UploadSpec).
			// classes:
			//		The form's modules by id: dijit/ProgressBar and tus/tus are among them when the form has
			//		file fields.
			(uploads || []).forEach(function(spec){
				manageOne(form, spec, classes);
			});
		},

		busy: function(/*dijit/form/Form*/ form){
			// summary:
			//		Whether a file of the form is still uploading (the form waits for it, or its cancel).
			return (busy[form.domNode.id] || 0) > 0;
		},

		holdSend: function(/*dijit/form/Form*/ form, /*Array*/ uploads, /*DOMNode?*/ submitter){
			// summary:
			//		A send pressed while files are on their way: remembered, and sent once the last upload
			//		ends (or dropped when one fails or is cancelled). The page says so beside the uploads,
			//		with a button that takes the press back. Returns false when nothing uploads (send now).
			var id = form.domNode.id;
			if(!busy[id]){ return false; }
			if(held[id]){
				held[id].note.focus();
				return true;
			}
			var spec = uploads[0], m = spec.messages;
			var note = domConstruct.create("div", { className: "dijitize-upload-waiting", role: "status", tabIndex: -1 }, dom.byId(spec.progress));
			domConstruct.create("span", { textContent: m.waiting }, note);
			note.appendChild(document.createTextNode(" "));
			var back = domConstruct.create("button", { type: "button", textContent: m.dontSend }, note);
			on(back, "click", function(){ release(id); });
			held[id] = { note: note, submitter: submitter || null };
			failed[id] = false;
			note.focus();
			return true;
		}
	};
});
