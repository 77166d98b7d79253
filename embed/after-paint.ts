/** After the browser has painted (or soon, in a background tab where frames do not run). */
export function afterNextPaint(): Promise<void> {
  return new Promise((done) => {
    const fallback = setTimeout(done, 100);
    requestAnimationFrame(() =>
      setTimeout(() => {
        clearTimeout(fallback);
        done();
      }, 0),
    );
  });
}
