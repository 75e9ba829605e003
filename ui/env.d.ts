// esbuild bundles the CSS a page's entry imports into a stylesheet beside its script.
declare module '*.css';
