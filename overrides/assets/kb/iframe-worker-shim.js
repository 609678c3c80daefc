/* Web workers for pages opened from the file system (the offline zip).
   Chromium refuses `new Worker("file://...")`, so the worker script runs in a
   hidden iframe instead and messages are relayed with postMessage. Material
   would load a shim for this from a CDN, which call-floor PCs without network
   cannot reach; this local one is used instead (the build lists it under
   extra.polyfills). On http(s) it does nothing. */
(function () {
  if (location.protocol !== "file:") return;
  var counter = 0;

  function FileWorker(url) {
    var target = document.createDocumentFragment();  // an EventTarget
    var id = "kb-worker-" + (++counter);
    var queue = [], ready = false;
    var iframe = document.createElement("iframe");
    var source = new URL(url, location.href).href;
    iframe.hidden = true;
    iframe.setAttribute("aria-hidden", "true");
    iframe.srcdoc =
      "<script>" +
      // The worker calls postMessage(data); the page calls postMessage(data, "*")
      // on this same window to reach it, which must stay the native one.
      "var nativePost = self.postMessage.bind(self);" +
      "self.postMessage = function (data, origin) {" +
      "  if (arguments.length > 1) return nativePost(data, origin);" +
      "  parent.postMessage({ kbWorker: " + JSON.stringify(id) + ", data: data }, '*');" +
      "};" +
      "addEventListener('message', function (event) {" +
      "  if (event.data && event.data.kbToWorker && typeof self.onmessage === 'function') self.onmessage({ data: event.data.data });" +
      "});" +
      "<\/script><script src=" + JSON.stringify(source) + "><\/script>";
    iframe.addEventListener("load", function () {
      ready = true;
      queue.forEach(function (data) { iframe.contentWindow.postMessage({ kbToWorker: true, data: data }, "*"); });
      queue = [];
    });
    window.addEventListener("message", function (event) {
      if (!event.data || event.data.kbWorker !== id) return;
      var message = new MessageEvent("message", { data: event.data.data });
      target.dispatchEvent(message);
      if (typeof target.onmessage === "function") target.onmessage(message);
    });
    document.body.appendChild(iframe);
    target.postMessage = function (data) {
      if (ready) iframe.contentWindow.postMessage({ kbToWorker: true, data: data }, "*");
      else queue.push(data);
    };
    target.terminate = function () { iframe.remove(); };
    return target;
  }

  window.Worker = FileWorker;
})();
