define([
	"dojo/dom", // dom.byId
	"dijit/registry", // registry.findWidgets
	"./formSupport"
], function(dom, registry, formSupport){
	// summary:
	//		The buttons of a list of rows, in the page: add a row from the list's template (creating its
	//		widgets), remove one (destroying its widgets), move one up or down, within the list's minimum
	//		and maximum. Without JavaScript the same buttons are intents the server applies.
	//		The server reads rows in the order the page posts them, so moving a row moves its node, and a
	//		removed row's index is never reused in the page.

	var ROW = "$row";

	function fill(/*String*/ text, /*String*/ index){
		return text.split(ROW).join(index);
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
		var rows = rowsOf(list), label = list.itemLabel;
		rows.forEach(function(row, position){
			var name = label + " " + (position + 1), lower = name.toLowerCase();
			row.querySelector("legend").textContent = name;
			var remove = row.querySelector(".dijitize-remove"),
				up = row.querySelector(".dijitize-up"),
				down = row.querySelector(".dijitize-down");
			remove.setAttribute("aria-label", "Remove " + lower);
			up.setAttribute("aria-label", "Move up " + lower);
			down.setAttribute("aria-label", "Move down " + lower);
			remove.disabled = rows.length <= list.min;
			up.disabled = position === 0;
			down.disabled = position === rows.length - 1;
		});
		dom.byId(list.id).querySelector(".dijitize-add").disabled = list.max !== null && rows.length >= list.max;
	}

	function add(/*Object*/ list, /*Object*/ classes){
		if(list.max !== null && rowsOf(list).length >= list.max){
			return;
		}
		var index = String(list.next++),
			holder = document.createElement("div");
		holder.innerHTML = fill(dom.byId(list.template).innerHTML, index);
		var row = holder.firstElementChild;
		dom.byId(list.rows).appendChild(row);
		list.widgets.forEach(function(template){
			var instance = JSON.parse(fill(JSON.stringify(template), index));
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
		((next && next.querySelector(".dijitize-remove:not([disabled])")) || dom.byId(list.id).querySelector(".dijitize-add")).focus();
	}

	function move(/*Object*/ list, /*DOMNode*/ row, /*Number*/ step){
		var rows = rowsOf(list), at = rows.indexOf(row), other = rows[at + step];
		if(!other){
			return;
		}
		row.parentNode.insertBefore(row, step < 0 ? other : other.nextSibling);
		renumber(list);
		var button = row.querySelector(step < 0 ? ".dijitize-up" : ".dijitize-down");
		(button.disabled ? row.querySelector(step < 0 ? ".dijitize-down" : ".dijitize-up") : button).focus();
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
			form.domNode.addEventListener("click", function(e){
				var button = e.target.closest && e.target.closest("button[name=_intent]");
				if(!button || button.disabled){
					return;
				}
				var list = lists.filter(function(l){ return dom.byId(l.id).contains(button); })[0];
				if(!list){
					return;
				}
				e.preventDefault(); // handled here: no round trip to the server
				var row = button.closest(".dijitize-row"), action = button.value.split(":")[0];
				if(action == "add"){
					add(list, classes);
				}else if(action == "remove"){
					remove(list, row);
				}else{
					move(list, row, action == "up" ? -1 : 1);
				}
			});
		}
	};
});
