import { useState } from 'preact/hooks';
import { LIMITS, type ProfileItem } from '../../core';
import type { PlanActions } from '../data/plan';
import { useI18n } from '../i18n';
import { TextLimit } from '../components/TextLimit';

const KINDS = [
  ['interest', 'plan.interests'],
  ['strength', 'plan.strengths'],
  ['support', 'plan.supports'],
] as const;

export function ProfileEditor({ actions, items, readOnly }: { actions: PlanActions; items: ProfileItem[]; readOnly: boolean }) {
  const { t } = useI18n();
  return (
    <section class="card stack" aria-labelledby="about-title">
      <h2 id="about-title">{t('plan.about')}</h2>
      {KINDS.map(([kind, label]) => (
        <ItemGroup key={kind} actions={actions} kind={kind} label={t(label)} items={items.filter((i) => i.kind === kind)} readOnly={readOnly} />
      ))}
    </section>
  );
}

function ItemGroup(props: { actions: PlanActions; kind: ProfileItem['kind']; label: string; items: ProfileItem[]; readOnly: boolean }) {
  const { t } = useI18n();
  const [text, setText] = useState('');
  const inputId = `item-${props.kind}`;
  return (
    <div class="item-group">
      <h3 id={`${inputId}-label`}>{props.label}</h3>
      <ul class="chips" aria-labelledby={`${inputId}-label`}>
        {props.items.map((item) => (
          <li key={item.id} class="chip">
            {item.text}
            {!props.readOnly && (
              <button type="button" class="chip__remove" aria-label={t('plan.removeItem', { text: item.text })} onClick={() => props.actions.removeProfileItem(item.id)}>×</button>
            )}
          </li>
        ))}
      </ul>
      {!props.readOnly && (
        <form class="chip-form" onSubmit={(e) => { e.preventDefault(); if (text.trim()) props.actions.addProfileItem(props.kind, text.trim()); setText(''); }}>
          <label class="visually-hidden" for={inputId}>{props.label}</label>
          <input id={inputId} value={text} maxLength={LIMITS.title} aria-describedby={`${inputId}-limit`} placeholder={t(`plan.itemPlaceholder.${props.kind}`)} onInput={(e) => setText(e.currentTarget.value)} />
          <button type="submit" class="button">{t('plan.addItem')}</button>
          <TextLimit id={`${inputId}-limit`} value={text} max={LIMITS.title} />
        </form>
      )}
    </div>
  );
}
