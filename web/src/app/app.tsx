export function App() {
  return <main>CityMatch</main>;
}
