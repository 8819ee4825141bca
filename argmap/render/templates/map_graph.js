/* The graph view (drawn from the layout once it lands). */
(function () {
  "use strict";
  const A = window.argmap;
  A.views.graph = { show: function () {} };
})();
