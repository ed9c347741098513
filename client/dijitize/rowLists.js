define([
	"dojo/dom", // dom.byId
	"dojo/on",
	"dijit/registry", // registry.findWidgets
	"./formSupport"
], function(dom, on, registry, formSupport){
	// summary:
	//		The buttons of a list of rows, in the page: add a row from the list's template (creating its
	//		widgets), remove one (destroying its widgets), move one up or down, within the list's minimum
	//		and maximum. Without JavaScript the same buttons are intents the server applies.
	//		The server reads rows in the order the page posts them, so moving a row moves its node, and a
	//		removed row's index is never reused in the page.
	//		Every word, class and marker comes from the list's spec: the server's, in the page's locale.

	function fill(/*String*/ text, /*String*/ marker, /*String|Number*/ value){
		return text.split(marker).join(String(value));
	}

	function part(/*DOMNode*/ node, /*String*/ className){
		return node.querySelector("." + className);
	}

	function rowsOf(/*Object*/ list){
		var rows = dom.byId(list.rows).children, out = [];
		for(var i = 0; i < rows.length; i++){
			out.push(rows[i]);
		}
		return out;
	}

	function renumber(/*Object*/ list){
		// summary:
		//		Names each row by its place ("Item 2", "Remove item 2") and enables the buttons that
		//		the list's bounds and the row's place allow.
		var rows = rowsOf(list), texts = list.texts, markup = list.markup;
		rows.forEach(function(row, position){
			var place = position + 1;
			row.querySelector("legend").textContent = fill(texts.row, list.place, place);
			var remove = part(row, markup.remove),
				up = part(row, markup.up),
				down = part(row, markup.down);
			remove.setAttribute("aria-label", fill(texts.removeRow, list.place, place));
			up.setAttribute("aria-label", fill(texts.upRow, list.place, place));
			down.setAttribute("aria-label", fill(texts.downRow, list.place, place));
			remove.disabled = rows.length <= list.min;
			up.disabled = position === 0;
			down.disabled = position === rows.length - 1;
		});
		part(dom.byId(list.id), markup.add).disabled = list.max !== null && rows.length >= list.max;
	}

	function add(/*Object*/ list, /*Object*/ classes){
		if(list.max !== null && rowsOf(list).length >= list.max){
			return;
		}
		var index = String(list.next++),
			holder = document.createElement("div");
		holder.innerHTML = fill(dom.byId(list.template).innerHTML, list.marker, index);
		var row = holder.firstElementChild;
		dom.byId(list.rows).appendChild(row);
		list.widgets.forEach(function(template){
			var instance = JSON.parse(fill(JSON.stringify(template), list.marker, index));
			formSupport.create(classes[instance.module], instance).startup();
		});
		renumber(list);
		var first = row.querySelector("input:not([type=hidden]), select, textarea");
		if(first){
			first.focus();
		}
	}

	function remove(/*Object*/ list, /*DOMNode*/ row){
		var rows = rowsOf(list);
		if(rows.length <= list.min){
			return;
		}
		var at = rows.indexOf(row);
		registry.findWidgets(row).forEach(function(widget){
			widget.destroyRecursive();
		});
		row.parentNode.removeChild(row);
		renumber(list);
		// The focus goes where the removed row was: the next row's remove button, else the add button.
		var rest = rowsOf(list), next = rest[Math.min(at, rest.length - 1)];
		var nextRemove = next && part(next, list.markup.remove);
		((nextRemove && !nextRemove.disabled && nextRemove) || part(dom.byId(list.id), list.markup.add)).focus();
	}

	function move(/*Object*/ list, /*DOMNode*/ row, /*Number*/ step){
		var rows = rowsOf(list), at = rows.indexOf(row), other = rows[at + step];
		if(!other){
			return;
		}
		row.parentNode.insertBefore(row, step < 0 ? other : other.nextSibling);
		renumber(list);
		var up = part(row, list.markup.up), down = part(row, list.markup.down), button = step < 0 ? up : down;
		(button.disabled ? (step < 0 ? down : up) : button).focus();
	}

	return {
		manage: function(/*dijit/form/Form*/ form, /*Array*/ lists, /*Object*/ classes){
			// summary:
			//		Makes the list buttons of `form` change its rows in place.
			// lists:
			//		The spec's lists: ids, bounds, the row count, and the widgets of a new row.
			// classes:
			//		The widget classes by module id.
			if(!lists || !lists.length){
				return;
			}
			lists.forEach(function(list){
				list.next = list.count;
				renumber(list);
			});
			form.own(on(form.domNode, "click", function(e){
				var button = e.target.closest && e.target.closest("button");
				var list = button && !button.disabled && lists.filter(function(l){
					return button.name == l.markup.intent && dom.byId(l.id).contains(button);
				})[0];
				if(!list){
					return;
				}
				e.preventDefault(); // handled here: no round trip to the server
				var row = button.closest("." + list.markup.row), action = button.value.split(":")[0];
				if(action == "add"){
					add(list, classes);
				}else if(action == "remove"){
					remove(list, row);
				}else{
					move(list, row, action == "up" ? -1 : 1);
				}
			}));
		}
	};
});
