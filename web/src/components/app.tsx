/** The explorer's root component. */
export function App() {
  return <h1>linkgap</h1>;
}
