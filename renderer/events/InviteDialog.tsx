import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { InviteCandidate } from '../../shared/contract/daywork.js';
import { Dialog, DialogButtons } from '../ui/Dialog.js';
import { FilterSelect } from '../ui/Fields.js';
import { Badge, ErrorNotice, Spinner } from '../ui/Page.js';
import '../development/daywork.css';
import { useInvite, useSaveInviteList } from './mutations.js';
import { useInviteCandidates, useInviteLists } from './queries.js';

const SEGMENTS = ['EI', 'EII', 'EIII', 'EIV'] as const;

/**
 * Inviting distributors the way the manager thinks of them: by area, segment or a saved list, with a
 * filter and checkboxes. Those already invited are left out, so nobody is invited twice by accident.
 */
export function InviteDialog({ eventId, onClose }: { eventId: number; onClose(): void }) {
  const { t } = useTranslation(['daywork', 'events', 'common']);
  const candidates = useInviteCandidates(eventId);
  const lists = useInviteLists();
  const invite = useInvite();
  const saveList = useSaveInviteList();
  const [text, setText] = useState('');
  const [regionId, setRegionId] = useState('');
  const [areaId, setAreaId] = useState('');
  const [segment, setSegment] = useState('');
  const [listName, setListName] = useState('');
  const [picked, setPicked] = useState<Set<number>>(new Set());
  const [newList, setNewList] = useState('');
  const all = useMemo(() => candidates.data ?? [], [candidates.data]);
  const open = all.filter((c) => !c.invited);
  const regions = [...new Map(all.map((c) => [c.regionId, c.regionName])).entries()];
  const areas = [...new Map(all.filter((c) => !regionId || c.regionId === Number(regionId)).map((c) => [c.areaId, c])).values()];
  const list = lists.data?.find((l) => l.name === listName);
  const term = text.trim().toLowerCase();
  const shown = open.filter(
    (c) =>
      (!regionId || c.regionId === Number(regionId)) &&
      (!areaId || c.areaId === Number(areaId)) &&
      (!segment || c.segment === segment) &&
      (!list || list.distributorIds.includes(c.id)) &&
      (!term || `${c.name} ${c.code} ${c.areaName}`.toLowerCase().includes(term)),
  );
  const allShownPicked = shown.length > 0 && shown.every((c) => picked.has(c.id));
  const toggle = (c: InviteCandidate) =>
    setPicked((p) => {
      const next = new Set(p);
      if (next.has(c.id)) next.delete(c.id);
      else next.add(c.id);
      return next;
    });
  return (
    <Dialog
      title={t('invite.title')}
      wide
      onClose={onClose}
      footer={
        <>
          <input
            type="text"
            aria-label={t('invite.listName')}
            placeholder={t('invite.listName')}
            value={newList}
            onChange={(e) => setNewList(e.target.value)}
            style={{ marginRight: 'auto', height: 30 }}
          />
          <button
            type="button"
            className="button"
            style={{ marginRight: 'auto' }}
            disabled={!newList.trim() || picked.size === 0}
            onClick={async () => {
              const name = newList.trim();
              if (await saveList.run({ name, distributorIds: [...picked] }, () => t('invite.listSaved', { name }))) setNewList('');
            }}
          >
            {t('invite.saveList')}
          </button>
          <DialogButtons
            onCancel={onClose}
            onSubmit={async () => {
              const count = picked.size;
              if (await invite.run({ eventId, distributorIds: [...picked] }, () => t('invite.done', { count }))) onClose();
            }}
            label={t('invite.invite', { count: picked.size })}
            disabled={picked.size === 0}
            busy={invite.isPending}
          />
        </>
      }
    >
      <ErrorNotice error={candidates.error} />
      <div className="toolbar invite-filters">
        <div className="filter">
          <label htmlFor="invite-filter">{t('invite.filter')}</label>
          <input id="invite-filter" type="search" value={text} onChange={(e) => setText(e.target.value)} />
        </div>
        <FilterSelect
          label={t('invite.region')}
          value={regionId}
          onChange={(v) => {
            setRegionId(v);
            setAreaId('');
          }}
          options={regions.map(([id, name]) => ({ value: id, label: name }))}
          allLabel={t('common:all')}
        />
        <FilterSelect
          label={t('invite.area')}
          value={areaId}
          onChange={setAreaId}
          // Area names repeat across regions: the region tells them apart.
          options={areas.map((a) => ({ value: a.areaId, label: `${a.areaName} · ${a.regionName}` }))}
          allLabel={t('common:all')}
        />
        <FilterSelect
          label={t('invite.segment')}
          value={segment}
          onChange={setSegment}
          options={SEGMENTS.map((s) => ({ value: s, label: s }))}
          allLabel={t('common:all')}
        />
        <FilterSelect
          label={t('invite.savedList')}
          value={listName}
          onChange={setListName}
          options={(lists.data ?? []).map((l) => ({ value: l.name, label: `${l.name} (${l.distributorIds.length})` }))}
          allLabel={t('common:all')}
        />
      </div>
      {!candidates.data ? (
        <Spinner label={t('common:loading')} />
      ) : (
        <>
          <p className="muted small" style={{ margin: '6px 0' }}>
            {t('invite.summary', { shown: shown.length, picked: picked.size, invited: all.length - open.length })}
          </p>
          <div className="invite-list">
            <table className="plain compact" aria-label={t('invite.table')}>
              <thead>
                <tr>
                  <th>
                    <input
                      type="checkbox"
                      aria-label={t('invite.selectShown')}
                      checked={allShownPicked}
                      onChange={() =>
                        setPicked((p) => {
                          const next = new Set(p);
                          for (const c of shown) {
                            if (allShownPicked) next.delete(c.id);
                            else next.add(c.id);
                          }
                          return next;
                        })
                      }
                    />
                  </th>
                  <th>{t('invite.code')}</th>
                  <th>{t('events:distributor')}</th>
                  <th>{t('invite.area')}</th>
                  <th>{t('invite.region')}</th>
                  <th>{t('invite.segment')}</th>
                </tr>
              </thead>
              <tbody>
                {shown.map((c) => (
                  <tr key={c.id}>
                    <td>
                      <input
                        type="checkbox"
                        aria-label={t('invite.pick', { name: c.name, code: c.code })}
                        checked={picked.has(c.id)}
                        onChange={() => toggle(c)}
                      />
                    </td>
                    <td>{c.code}</td>
                    <td>{c.name}</td>
                    <td>{c.areaName}</td>
                    <td>{c.regionName}</td>
                    <td>{c.segment ? <Badge tone="grey">{c.segment}</Badge> : '–'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            {shown.length === 0 && <p className="muted small">{t('invite.none')}</p>}
          </div>
        </>
      )}
    </Dialog>
  );
}
