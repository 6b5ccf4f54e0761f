import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { activateTab, findTargetTab, sendToTab } from '../platform/tabs.ts';
import { loadStatus } from '../ui/load-status.ts';
import { NoticesView } from '../ui/notices-view.tsx';
import { StatusView } from '../ui/status-view.tsx';
import { useNotices } from '../ui/use-notices.ts';
import { useWorker } from '../ui/use-worker.ts';
import { type PopupState, PopupView } from './popup-view.tsx';
import '../ui/base.css';
import './popup.css';

async function load(): Promise<{ tab?: number; state: PopupState }> {
  const tab = await findTargetTab(location.search).catch(() => undefined);
  if (tab === undefined) return { state: { kind: 'not-mail' } };
  const answer = await sendToTab(tab, { kind: 'tab-findings' }, 8000);
  if (!answer.ok) {
    return {
      tab,
      state: answer.reason === 'no-answer' ? { kind: 'not-mail' } : { kind: 'error', reason: answer.reason },
    };
  }
  const { composes } = answer.data;
  return { tab, state: composes.length === 0 ? { kind: 'no-compose' } : { kind: 'composes', composes } };
}

function Popup() {
  const [view, setView] = useState<{ tab?: number; state: PopupState }>({ state: { kind: 'loading' } });
  const [note, setNote] = useState<string>();
  const status = useWorker(loadStatus);
  const notices = useNotices();
  useEffect(() => {
    void load().then(setView);
  }, []);
  const goTo = async (composeId: string, index: number) => {
    if (view.tab === undefined) return;
    // The compose's page draws its card only while it is visible: bring the mail tab to the front first.
    await activateTab(view.tab);
    const answer = await sendToTab(view.tab, { kind: 'tab-go-to', composeId, index });
    if (answer.ok && answer.data.ok) {
      // A toolbar popup closes so the compose gets the focus; a popup page in a tab stays.
      if (!new URLSearchParams(location.search).has('tab')) window.close();
      setNote(undefined);
    } else setNote(`Could not go there: ${answer.ok ? answer.data.reason : answer.reason}`);
  };
  return (
    <main data-preflight-popup="">
      <h1>
        <img src="/icons/icon-32.png" alt="" />
        Preflight
      </h1>
      <NoticesView notices={notices.notices} onDismiss={notices.dismiss} />
      <PopupView state={view.state} onGoTo={(id, i) => void goTo(id, i)} note={note} />
      <footer class="status-footer">
        <StatusView status={status} />
      </footer>
    </main>
  );
}

const app = document.getElementById('app');
if (app) render(<Popup />, app);
