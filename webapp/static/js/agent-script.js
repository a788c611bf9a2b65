// Highlights an agent's script on its page (read-only); the text itself is rendered, escaped, by the server.
document.querySelectorAll('pre.script code').forEach(function (block) {
    if (window.hljs) {
        window.hljs.highlightElement(block);
    }
});
