import { useState } from 'preact/hooks';
import type * as Y from 'yjs';
import { LIMITS, planDocument, type ProfileItem } from '../../core';
import { useI18n } from '../i18n';
import { TextLimit } from '../components/TextLimit';

const KINDS = [
  ['interest', 'plan.interests'],
  ['strength', 'plan.strengths'],
  ['support', 'plan.supports'],
] as const;

export function ProfileEditor({ doc, items, readOnly }: { doc: Y.Doc; items: ProfileItem[]; readOnly: boolean }) {
  const { t } = useI18n();
  return (
    <section class="card stack" aria-labelledby="about-title">
      <h2 id="about-title">{t('plan.about')}</h2>
      {KINDS.map(([kind, label]) => (
        <ItemGroup key={kind} doc={doc} kind={kind} label={t(label)} items={items.filter((i) => i.kind === kind)} readOnly={readOnly} />
      ))}
    </section>
  );
}

function ItemGroup(props: { doc: Y.Doc; kind: ProfileItem['kind']; label: string; items: ProfileItem[]; readOnly: boolean }) {
  const { t } = useI18n();
  const [text, setText] = useState('');
  const inputId = `item-${props.kind}`;
  const collection = planDocument(props.doc).profileItems;
  return (
    <div class="item-group">
      <h3 id={`${inputId}-label`}>{props.label}</h3>
      <ul class="chips" aria-labelledby={`${inputId}-label`}>
        {props.items.map((item) => (
          <li key={item.id} class="chip">
            {item.text}
            {!props.readOnly && (
              <button type="button" class="chip__remove" aria-label={t('plan.removeItem', { text: item.text })} onClick={() => collection.remove(item.id)}>×</button>
            )}
          </li>
        ))}
      </ul>
      {!props.readOnly && (
        <form class="chip-form" onSubmit={(e) => { e.preventDefault(); if (text.trim()) collection.add({ kind: props.kind, text: text.trim() }); setText(''); }}>
          <label class="visually-hidden" for={inputId}>{props.label}</label>
          <input id={inputId} value={text} maxLength={LIMITS.title} aria-describedby={`${inputId}-limit`} placeholder={t(`plan.itemPlaceholder.${props.kind}`)} onInput={(e) => setText(e.currentTarget.value)} />
          <button type="submit" class="button">{t('plan.addItem')}</button>
          <TextLimit id={`${inputId}-limit`} value={text} max={LIMITS.title} />
        </form>
      )}
    </div>
  );
}
