import { render } from 'preact';
import { loadStatus } from '../ui/load-status.ts';
import { StatusView } from '../ui/status-view.tsx';
import { useWorker } from '../ui/use-worker.ts';
import '../ui/base.css';
import './popup.css';

function Popup() {
  const status = useWorker(loadStatus);
  return (
    <main data-preflight-popup="">
      <h1>
        <img src="/icons/icon-32.png" alt="" />
        Preflight
      </h1>
      <StatusView status={status} />
    </main>
  );
}

const app = document.getElementById('app');
if (app) render(<Popup />, app);
