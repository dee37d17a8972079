// Composition root of the Uqudo panel.
import { render } from 'preact';

render(<p>Uqudo Inspector</p>, document.getElementById('app')!);
