import { describe, expect, it } from 'vitest';
import {
  isSendAndArchiveLabel,
  isSendItemLabel,
  isSendLabel,
  normalizeLabel,
  SEND_LABELS,
} from './send-labels.ts';

describe('send labels', () => {
  it('covers at least twelve languages, each with Send and a send-menu item', () => {
    expect(Object.keys(SEND_LABELS).length).toBeGreaterThanOrEqual(12);
    for (const labels of Object.values(SEND_LABELS)) {
      expect(labels.send.length).toBeGreaterThan(0);
      expect(labels.sendItems.length).toBeGreaterThan(0);
    }
  });

  it("reads Gmail's label with its bidi-wrapped shortcut hint", () => {
    expect(normalizeLabel('Send \u202a(Ctrl-Enter)\u202c')).toBe('send');
    expect(isSendLabel('Send \u202a(Ctrl-Enter)\u202c')).toBe(true);
    expect(isSendLabel('Senden \u202a(Strg-Eingabetaste)\u202c')).toBe(true);
    expect(isSendLabel('送信（Ctrl-Enter）')).toBe(true);
    expect(isSendLabel('Invia')).toBe(true);
    expect(isSendLabel('Отправить (Ctrl-Enter)')).toBe(true);
  });

  it('is never a look-alike or a compound action', () => {
    for (const label of [
      'AI Reply',
      'Send + Archive',
      'Send and request money',
      'Sender',
      'Send later',
      '',
    ]) {
      expect(isSendLabel(label)).toBe(false);
    }
  });

  it('recognises send-menu items in the languages Outlook users use most', () => {
    for (const label of [
      'Schedule send',
      'Pianifica invio',
      'Agendar envio',
      'Zaplanuj wysyłanie',
      'Запланировать отправку',
      'Programar envío',
      'Planifier l’envoi',
      'Senden planen',
      'Verzenden plannen',
      '送信日時を設定',
      '计划发送',
      '排程傳送',
      '보내기 예약',
    ]) {
      expect(isSendItemLabel(label), label).toBe(true);
    }
    for (const label of ['Set importance', 'Imposta priorità', 'Save draft', 'Request a read receipt']) {
      expect(isSendItemLabel(label), label).toBe(false);
    }
  });

  it("recognises Gmail's Send + Archive, and nothing else, by its label", () => {
    expect(isSendAndArchiveLabel('Send + Archive')).toBe(true);
    expect(isSendAndArchiveLabel('Senden + Archivieren')).toBe(true);
    expect(isSendAndArchiveLabel('Send')).toBe(false);
    expect(isSendAndArchiveLabel('AI + Reply')).toBe(false);
  });
});
