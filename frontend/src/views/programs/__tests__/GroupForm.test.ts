import { afterEach, describe, expect, it } from 'vitest'
import type { VueWrapper } from '@vue/test-utils'
import { NSelect } from 'naive-ui'
import { fakeServer } from '@/test/fakeServer'
import { $, $$, click, fieldErrorsShown, settle, typeInto } from '@/test/dom'
import type { LinkOption, Marking } from '@/api/programs'
import ProgramView from '../ProgramView.vue'
import ProgramsList from '../ProgramsList.vue'
import { list, mountView, program, view } from './harness'

afterEach(() => { document.body.innerHTML = '' })

function opt(over: Partial<LinkOption> & { id: string; name: string }): LinkOption {
  return { country: '', parentId: '', parentName: '', inGroup: false, ancestor: false, hasProgram: false, children: 0, ...over }
}

const everyone = [
  opt({ id: 'acc1', name: 'Rhine Valley Chemicals', country: 'DE', children: 1 }),
  opt({ id: 'acc2', name: 'Rhine Valley Chemicals USA', country: 'US', parentId: 'acc1', parentName: 'Rhine Valley Chemicals' }),
  opt({ id: 'free', name: 'Rhine Brasil Ltda', country: 'BR' }),
  opt({ id: 'taken', name: '华东化工（越南）', country: 'VN', parentId: 'hd', parentName: '华东化工集团' }),
  opt({ id: 'hd', name: '华东化工集团', country: 'CN', hasProgram: true, children: 1 }),
]
const forAcc1 = everyone.filter((o) => o.id !== 'acc1').map((o) => ({ ...o, inGroup: o.id === 'acc2' }))

type Option = { value: string; label: string; disabled?: boolean }

/**
 * The Naive select with a test id. Its menu is a virtual list, which draws
 * nothing without layout, so the tests read its options and choose a value
 * the way the menu would (through its update:value).
 */
function select(wrapper: VueWrapper, testId: string) {
  const s = wrapper.findAllComponents(NSelect).find((c) => (c.element as Element).getAttribute?.('data-testid') === testId)
  if (!s) throw new Error(`no select ${testId}`)
  return {
    options: () => (s.props('options') as Option[]).map((o) => `${o.label}${o.disabled ? ' [off]' : ''}`),
    choose: async (label: string) => {
      const o = (s.props('options') as Option[]).find((x) => x.label === label)
      if (!o) throw new Error(`no option ${label} in ${testId}`)
      const multiple = s.props('multiple') as boolean
      await s.vm.$emit('update:value', multiple ? [...((s.props('value') as string[] | null) ?? []), o.value] : o.value)
      await settle()
    },
  }
}

describe('GroupForm', () => {
  it('links accounts on file and creates a subsidiary, with the ones that cannot be linked disabled and saying why', async () => {
    const server = fakeServer({
      'ProgramService.Get': () => view(),
      'ProgramService.LinkOptions': ([id]) => (id === '' ? everyone : forAcc1),
      'ProgramService.MarkGlobal': () => ({ accountId: 'acc1', accountName: 'Rhine Valley Chemicals', group: [], countries: ['BR', 'DE', 'JP', 'US'], created: ['n1'], programId: 'prog1' }),
    })
    const { wrapper } = await mountView(ProgramView, '/programs/prog1')
    expect($$('[data-testid="group-member"]').map((m) => m.getAttribute('data-country'))).toEqual(['DE', 'US'])
    await click('[data-testid="group-add"]')
    await settle()
    const linkSelect = select(wrapper, 'group-link')
    expect(linkSelect.options()).toEqual([
      'Rhine Brasil Ltda · Brazil',
      '华东化工（越南） · Vietnam — already a subsidiary of 华东化工集团 [off]',
      '华东化工集团 · China — runs its own program [off]',
    ])
    await linkSelect.choose('Rhine Brasil Ltda · Brazil')
    await click('[data-testid="group-new-add"]')
    await typeInto('group-new-name-0', 'Rhine Japan K.K.')
    await select(wrapper, 'group-new-country-0').choose('Japan (JP)')
    expect($('[data-testid="group-spans"]')!.textContent).toContain('The group spans 4 countries: Brazil, Germany, Japan, United States.')
    await click('[data-testid="group-save"]')
    const [[m]] = server.calls('ProgramService', 'MarkGlobal') as [[Marking]]
    expect(m).toEqual({ accountId: 'acc1', link: ['free'], create: [{ name: 'Rhine Japan K.K.', country: 'JP' }] })
    expect(document.body.textContent).toContain('The group now spans 4 countries')
  })

  it('puts a refusal next to the new subsidiary it concerns, in Chinese', async () => {
    fakeServer({
      'ProgramService.Get': () => view(),
      'ProgramService.LinkOptions': ([id]) => (id === '' ? everyone : forAcc1),
      'ProgramService.MarkGlobal': () => {
        const issue = { field: 'create[0].country', rule: 'invalid_country', params: { value: 'XX' }, message: 'm' }
        throw { code: 'invalid', ...issue, issues: [issue] }
      },
    })
    await mountView(ProgramView, '/programs/prog1', 'zh-CN')
    await click('[data-testid="group-add"]')
    await click('[data-testid="group-new-add"]')
    await typeInto('group-new-name-0', '莱茵（日本）')
    await click('[data-testid="group-save"]')
    expect(fieldErrorsShown()).toEqual({ '国家/地区': '莱茵（日本）不是有效的国家或地区代码。' })
  })

  it('marks a global account from the Programs page, then offers to start its program', async () => {
    let marked = false
    const server = fakeServer({
      'ProgramService.List': () => list({
        candidates: marked ? [{ id: 'free', name: 'Rhine Brasil Ltda', country: 'BR', currency: 'BRL', owner: 'Ana Souza', subsidiaries: 1, countries: ['AR', 'BR'] }] : [],
      }),
      'ProgramService.LinkOptions': ([id]) => (id === '' ? everyone : everyone.filter((o) => o.id !== id)),
      'ProgramService.MarkGlobal': () => {
        marked = true
        return { accountId: 'free', accountName: 'Rhine Brasil Ltda', group: [], countries: ['AR', 'BR'], created: ['n1'], programId: '' }
      },
    })
    const { wrapper } = await mountView(ProgramsList, '/programs')
    expect(document.body.textContent).toContain('No account has subsidiaries in several countries yet.')
    await click('[data-testid="program-mark-global-empty"]')
    const accounts = select(wrapper, 'group-account')
    expect(accounts.options()).toEqual([
      'Rhine Valley Chemicals · Germany', 'Rhine Brasil Ltda · Brazil', '华东化工集团 · China',
      'Rhine Valley Chemicals USA · United States — subsidiary of Rhine Valley Chemicals', '华东化工（越南） · Vietnam — subsidiary of 华东化工集团',
    ])
    await accounts.choose('Rhine Brasil Ltda · Brazil')
    await click('[data-testid="group-new-add"]')
    await typeInto('group-new-name-0', 'Rhine Argentina S.A.')
    await select(wrapper, 'group-new-country-0').choose('Argentina (AR)')
    expect($('[data-testid="group-spans"]')!.textContent).toBe('The group spans 2 countries: Argentina, Brazil.')
    await click('[data-testid="group-save"]')
    await settle()
    expect(server.calls('ProgramService', 'MarkGlobal')).toHaveLength(1)
    expect($('[data-testid="program-form-save"]')).not.toBeNull()
    expect(document.body.textContent).toContain('Start a global account program')
  })

  it('offers a subsidiary whose country is not in the table as a new country row', async () => {
    const server = fakeServer({
      'ProgramService.Get': () => view({
        group: [
          { id: 'acc1', name: 'Rhine Valley Chemicals', country: 'DE', parentId: '', depth: 0, archived: false },
          { id: 'acc2', name: 'Rhine Valley Chemicals USA', country: 'US', parentId: 'acc1', depth: 1, archived: false },
          { id: 'acc3', name: 'Rhine Valley Chemicals Japan', country: 'JP', parentId: 'acc1', depth: 1, archived: false },
        ],
      }),
      'ProgramService.SaveCountry': () => program({ rev: 5 }),
    })
    await mountView(ProgramView, '/programs/prog1')
    const buttons = $$('[data-testid="group-add-country"]')
    expect(buttons).toHaveLength(1)
    await click(buttons[0]!)
    await click('[data-testid="country-save"]')
    const [[, , c]] = server.calls('ProgramService', 'SaveCountry') as [[string, number, { country: string; entityId: string }]]
    expect([c.country, c.entityId]).toEqual(['JP', 'acc3'])
  })
})
