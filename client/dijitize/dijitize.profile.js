// Tells the Dojo build that every file of this package is an AMD module, except boot.js, which is a
// plain script loaded before dojo.js.
var profile = {
	resourceTags: {
		amd: function(filename, mid){
			return /\.js$/.test(filename) && !/\/boot\.js$/.test(filename) && !/\.profile\.js$/.test(filename);
		},
		copyOnly: function(filename, mid){
			return /\/boot\.js$/.test(filename) || /\.profile\.js$/.test(filename);
		}
	}
};
