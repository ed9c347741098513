define([
	"dojo/_base/declare"
], function(declare){
	return declare(null, {
		// summary:
		//		Mixin for a number box whose value must be a multiple of `dijitizeStep` (zod's multipleOf),
		//		checked where Dijit checks a number's range, so that it shows the range message, as the
		//		server does. Float-safe, as zod is.

		// dijitizeStep: Number
		//		What the value must be a multiple of.
		dijitizeStep: null,

		rangeCheck: function(/*Number*/ value, /*Object*/ constraints){
			var inRange = this.inherited(arguments),
				steps = value / this.dijitizeStep;
			return inRange && (typeof value != "number" || Math.abs(steps - Math.round(steps)) < 1e-9);
		}
	});
});
