// Filters by severity and rule. The initial state can come from the address:
// report.html#severity=error,warning&rule=number-changed&only
(function () {
  "use strict";
  var form = document.getElementById("filters");
  var findings = Array.prototype.slice.call(document.querySelectorAll(".finding"));
  function checked(name) {
    var set = {};
    form.querySelectorAll('input[name="' + name + '"]').forEach(function (i) {
      if (i.checked) { set[i.value] = true; }
    });
    return set;
  }
  function apply() {
    var sev = checked("severity"), rule = checked("rule"), visible = {}, count = 0;
    findings.forEach(function (f) {
      var on = !!sev[f.dataset.severity] && !!rule[f.dataset.rule];
      f.hidden = !on;
      if (on) { visible[f.dataset.f] = true; count += 1; }
    });
    var any = function (ids) {
      return (ids || "").split(" ").some(function (id) { return id !== "" && visible[id]; });
    };
    document.querySelectorAll("mark[data-f]").forEach(function (m) {
      m.classList.toggle("off", !any(m.dataset.f));
    });
    var only = document.getElementById("only-findings").checked;
    document.querySelectorAll("tr.row").forEach(function (r) {
      r.hidden = only && !any(r.dataset.f);
    });
    document.getElementById("shown").textContent =
      count + " of " + findings.length + " findings shown";
  }
  var params = new URLSearchParams(location.hash.slice(1));
  ["severity", "rule"].forEach(function (name) {
    var v = params.get(name);
    if (v === null) { return; }
    var want = {};
    v.split(",").forEach(function (x) { want[x] = true; });
    form.querySelectorAll('input[name="' + name + '"]').forEach(function (i) { i.checked = !!want[i.value]; });
  });
  if (params.has("only")) { document.getElementById("only-findings").checked = true; }
  form.addEventListener("change", apply);
  function focus(e, on) {
    var f = e.target.closest && e.target.closest(".finding");
    if (!f) { return; }
    document.querySelectorAll("mark[data-f]").forEach(function (m) {
      if (m.dataset.f.split(" ").indexOf(f.dataset.f) >= 0) { m.classList.toggle("focus", on); }
    });
  }
  document.addEventListener("mouseover", function (e) { focus(e, true); });
  document.addEventListener("mouseout", function (e) { focus(e, false); });
  apply();
})();
