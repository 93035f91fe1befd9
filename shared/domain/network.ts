/** The words of the network, shared by the database checks, the contract and the screens. */
export const STAFF_ROLES = ['regional_manager', 'logistics_coordinator', 'salesperson'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

export const DISTRIBUTOR_STATUSES = ['active', 'on_hold', 'ended'] as const;
export type DistributorStatus = (typeof DISTRIBUTOR_STATUSES)[number];

export const OUTLET_STATUSES = ['prospect', 'active', 'lost'] as const;
export type OutletStatus = (typeof OUTLET_STATUSES)[number];

export const TERMINAL_CHANNELS = ['restaurant', 'bar_night', 'supermarket', 'convenience', 'kiosk', 'other'] as const;
export type TerminalChannel = (typeof TERMINAL_CHANNELS)[number];

export const CONTACT_LEVELS = ['owner', 'general_manager', 'purchasing', 'warehouse', 'sales', 'other'] as const;
export type ContactLevel = (typeof CONTACT_LEVELS)[number];

export const CONTACT_OWNERS = ['distributor', 'sub_dealer', 'terminal'] as const;
export type ContactOwner = (typeof CONTACT_OWNERS)[number];

export const PRODUCT_PACKS = ['bottle', 'can', 'keg', 'other'] as const;
export type ProductPack = (typeof PRODUCT_PACKS)[number];

export const PRODUCT_STATUSES = ['new', 'active', 'phase_out'] as const;
export type ProductStatus = (typeof PRODUCT_STATUSES)[number];

/** Relationship level from the domain: 1 held by price, 2 personal service, 3 strategic partnership. */
export const RELATIONSHIP_LEVELS = [1, 2, 3] as const;
export type RelationshipLevel = (typeof RELATIONSHIP_LEVELS)[number];
