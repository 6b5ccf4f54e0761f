import { render } from 'preact';
import { loadStatus } from '../ui/load-status.ts';
import { StatusView } from '../ui/status-view.tsx';
import { useWorker } from '../ui/use-worker.ts';
import '../ui/base.css';
import './options.css';

function Options() {
  const status = useWorker(loadStatus);
  return (
    <main data-preflight-options="">
      <h1>
        <img src="/icons/icon-32.png" alt="" />
        Preflight options
      </h1>
      <section aria-labelledby="status-heading">
        <h2 id="status-heading">Status</h2>
        <StatusView status={status} />
      </section>
    </main>
  );
}

const app = document.getElementById('app');
if (app) render(<Options />, app);
