// Tells the Dojo build that the demo's .js files are AMD modules.
var profile = {
	resourceTags: {
		amd: function(filename){
			return /\.js$/.test(filename) && !/\.profile\.js$/.test(filename);
		},
		copyOnly: function(filename){
			return /\.profile\.js$/.test(filename);
		}
	}
};
